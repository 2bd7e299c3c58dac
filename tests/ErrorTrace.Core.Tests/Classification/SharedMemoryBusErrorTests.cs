using ErrorTrace.Core.Classification;
using ErrorTrace.Core.Tests.Engine;

namespace ErrorTrace.Core.Tests.Classification;

/// <summary>
/// A death by SIGBUS on Linux is shared memory the file system could not back (shm-bus-error-death, disk_error), in each
/// printer's words: the shell, torchrun's table, UCX's signal handler, gdb. Near misses: macOS' bus errors (zsh, bash's
/// 'Bus error: 10'), a file the program memory-maps itself, a PCIe AER line, a Bus error only mentioned near the death.
/// </summary>
public sealed class SharedMemoryBusErrorTests
{
    [Fact]
    public void The_shells_bus_error_after_a_loader_is_shared_memory()
    {
        var report = Analyze.Text(
            "2025-01-09 12:00:01 INFO building index for 2.1M rows\n" +
            "2025-01-09 12:00:07 INFO moving embedding table to shared memory\n" +
            "./run_pretrain.sh: line 14: 40112 Bus error               (core dumped) python pretrain.py --config cfg/base.yaml\n");

        Assert.Equal(("disk_error", "shm-bus-error-death"), (report.Analysis!.ErrorType, report.Analysis.RuleId));
    }

    [Fact]
    public void Torchruns_exit_code_minus_seven_is_shared_memory()
    {
        var report = Analyze.Text(
            "[2025-03-02 08:11:40,201] torch.distributed.elastic.multiprocessing.api: [ERROR] failed (exitcode: -7) local_rank: 1 (pid: 2211) of binary: /usr/bin/python3\n" +
            "Traceback (most recent call last):\n" +
            "  File \"/usr/local/bin/torchrun\", line 8, in <module>\n" +
            "    sys.exit(main())\n" +
            "torch.distributed.elastic.multiprocessing.errors.ChildFailedError: \n" +
            "============================================================\n" +
            "sft.py FAILED\n" +
            "------------------------------------------------------------\n" +
            "Root Cause (first observed failure):\n" +
            "[0]:\n" +
            "  rank      : 1 (local_rank: 1)\n" +
            "  exitcode  : -7 (pid: 2211)\n" +
            "  traceback : Signal 7 (SIGBUS) received by PID 2211\n" +
            "============================================================\n");

        Assert.Equal("disk_error", report.Analysis!.ErrorType);
    }

    [Fact]
    public void Ucxs_signal_7_in_ncclss_proxy_is_shared_memory()
    {
        var report = Analyze.Text(
            "[node17:812  :0:955] Caught signal 7 (Bus error: nonexistent physical address)\n" +
            "==== backtrace (tid:    955) ====\n" +
            " 0 0x0000000000042520 __sigaction()  ???:0\n" +
            " 1 0x00000000000a1f3e ncclProxyService()  ???:0\n" +
            "=================================\n");

        Assert.Equal(("disk_error", "shm-bus-error-death"), (report.Analysis!.ErrorType, report.Analysis.RuleId));
    }

    [Theory]
    [InlineData("Epoch 3/10:  41%|████      | 88/214 [00:31<00:44,  2.83it/s]zsh: bus error  python train.py\n")]
    [InlineData("Loading checkpoint shards: 100%|██████████| 2/2\nBus error: 10\n")]
    public void A_bus_error_on_macos_is_a_native_crash(string log) =>
        Assert.Equal("segfault", Analyze.ByRules(log).Analysis?.ErrorType);

    [Fact]
    public void A_bus_error_beside_a_file_the_program_maps_itself_is_a_native_crash()
    {
        var report = Analyze.ByRules(
            "feats = np.memmap('/lustre/run7/feats.f16', dtype='float16', mode='w+', shape=(400000, 2048))\n" +
            "./collect.sh: line 22: 51230 Bus error               (core dumped) python collect.py --rank 0\n");

        Assert.Equal("segfault", report.Analysis?.ErrorType);
    }

    [Fact]
    public void A_pcie_bus_error_of_the_kernel_is_not_a_process_death() =>
        Assert.NotEqual("disk_error", Analyze.ByRules(
            "pcieport 0000:00:03.0: AER: Corrected error received: 0000:00:03.0\n" +
            "pcieport 0000:00:03.0: PCIe Bus Error: severity=Corrected, type=Data Link Layer, (Transmitter ID)\n").Analysis?.ErrorType);
}
