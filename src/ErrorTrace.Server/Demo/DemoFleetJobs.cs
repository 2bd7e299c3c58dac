using ErrorTrace.Server.Jobs;

namespace ErrorTrace.Server.Demo;

/// <summary>
/// More failed jobs, so the failures page has something real on first start: the same CUDA OOM at four sizes on
/// three hosts, the NCCL watchdog timeout twice more on node-4, a second host OOM on node-3, a flash-attn import
/// broken by a package bump in two jobs, and node-4 also failing with an illegal memory access and a segfault — three
/// different failures on one host, which the page flags as a suspect node. Spread over the last week for the sparklines.
/// </summary>
internal static class DemoFleetJobs
{
    private const string Model = "meta-llama/Llama-2-7b-hf";
    private const string Trainer = "/opt/trainer/standalone_trainer.py";
    private const string Torch = "/usr/local/lib/python3.11/site-packages/torch";
    private const string Packages = "/usr/local/lib/python3.11/site-packages";

    public static IReadOnlyList<DemoJob> Create(DateTime now) =>
    [
        Oom("demo-oom-node5-a", "alice", now.AddDays(-6).AddHours(-3), "node-5", "1.50 GiB", "0.98 GiB"),
        Oom("demo-oom-node5-b", "bob", now.AddDays(-4).AddHours(-7), "node-5", "3.25 GiB", "2.01 GiB"),
        Oom("demo-oom-node2", "alice", now.AddDays(-2).AddHours(-5), "node-2", "768.00 MiB", "412.50 MiB"),
        Oom("demo-oom-node7", "bob", now.AddHours(-9), "node-7", "2.00 GiB", "1.12 GiB"),
        Death("demo-nccl-node4-a", "alice", now.AddDays(-5), "node-4", NcclTimeout, 6, "SIGABRT", throughRun: true),
        Death("demo-nccl-node4-b", "bob", now.AddDays(-1).AddHours(-2), "node-4", NcclTimeout, 6, "SIGABRT", throughRun: true),
        HostOom("demo-host-oom-b", "bob", now.AddDays(-3), "node-3"),
        Python("demo-illegal-access", "alice", now.AddDays(-1).AddHours(-8), "node-4", IllegalAccess),
        Death("demo-segfault-node4", "bob", now.AddHours(-14), "node-4",
            _ => "Fatal Python error: Segmentation fault\n\nCurrent thread 0x00007f2a1c6f5740 (most recent call first):\n  File \"" + Torch + "/nn/functional.py\", line 2264 in embedding\n  File \"" + Trainer + "\", line 1422 in training_step", 11, "SIGSEGV", throughRun: true),
        Python("demo-flash-attn-a", "alice", now.AddHours(-6), null, FlashAttnImport),
        Python("demo-flash-attn-b", "bob", now.AddHours(-3), null, FlashAttnImport),
    ];

    private static DemoJob Oom(string id, string owner, DateTime start, string host, string size, string free)
    {
        var log = new DemoLogBuilder(start).Preamble(Model, 8).Steps(1, 120, 4875);
        log.Raw($"""
            [rank0]: Traceback (most recent call last):
            [rank0]:   File "{Trainer}", line 3401, in main
            [rank0]:     trainer.train()
            [rank0]:   File "{Packages}/transformers/trainer.py", line 3801, in compute_loss
            [rank0]:     outputs = model(**inputs)
            [rank0]:   File "{Torch}/nn/modules/linear.py", line 125, in forward
            [rank0]:     return F.linear(input, self.weight, self.bias)
            [rank0]: torch.OutOfMemoryError: CUDA out of memory. Tried to allocate {size}. GPU 0 has a total capacity of 79.15 GiB of which {free} is free. Including non-PyTorch memory, this process has 78.02 GiB memory in use.
            """);
        TorchrunTable(log, host, "1", "To enable traceback see: https://pytorch.org/docs/stable/elastic/errors.html");
        return Finished(id, owner, start, log, "Training process exited with code 1");
    }

    /// <summary>A worker killed by a signal, with torchrun's usual last lines, as in <see cref="DemoJobs"/>.</summary>
    private static DemoJob Death(string id, string owner, DateTime start, string host, Func<DemoLogBuilder, string> cause, int signal, string name, bool throughRun)
    {
        var log = new DemoLogBuilder(start).Preamble(Model, 8).Steps(1, 200, 4875);
        log.Advance(TimeSpan.FromMinutes(30));
        log.Raw(cause(log));
        var pid = 4100 + signal;
        log.Raw($"E{log.Now:MMdd HH:mm:ss}.977000 140 {Torch}/distributed/elastic/multiprocessing/api.py:869] failed (exitcode: -{signal}) local_rank: 3 (pid: {pid}) of binary: /usr/bin/python3");
        log.ChildFailed(Torch, Trainer, host, rank: 3, pid, signal, name, throughRun);
        return Finished(id, owner, start, log, $"Training process terminated unexpectedly with exit code -{signal}");
    }

    /// <summary>The kernel's OOM killer under Slurm, as in <see cref="DemoJobs"/>'s host OOM.</summary>
    private static DemoJob HostOom(string id, string owner, DateTime start, string host)
    {
        var log = new DemoLogBuilder(start).Preamble(Model, 1).Steps(1, 90, 4875);
        log.Record("INFO", "SFT", "Loading packed dataset shards into memory (num_proc=16, keep_in_memory=True)").Advance(TimeSpan.FromMinutes(6));
        log.Raw($"""
            slurmstepd: error: Detected 1 oom_kill event in StepId=884377.0. Some of the step tasks have been OOM Killed.
            E{log.Now:MMdd HH:mm:ss}.412000 2198 {Torch}/distributed/elastic/multiprocessing/api.py:869] failed (exitcode: -9) local_rank: 0 (pid: 2211) of binary: /usr/bin/python3
            """);
        log.ChildFailed(Torch, Trainer, host, rank: 0, pid: 2211, signal: 9, signalName: "SIGKILL", throughRun: false);
        return Finished(id, owner, start, log, "Training process terminated unexpectedly with exit code -9");
    }

    private static DemoJob Python(string id, string owner, DateTime start, string? host, string traceback)
    {
        var log = new DemoLogBuilder(start).Preamble(Model, 8).Steps(1, 30, 4875);
        log.Raw(traceback);
        if (host is not null) TorchrunTable(log, host, "1", "To enable traceback see: https://pytorch.org/docs/stable/elastic/errors.html");
        return Finished(id, owner, start, log, "Training process exited with code 1");
    }

    private static string NcclTimeout(DemoLogBuilder log) =>
        $"[rank3]:[E{log.Now:MMdd HH:mm:ss}.482113506 ProcessGroupNCCL.cpp:616] [Rank 3] Watchdog caught collective operation timeout: " +
        "WorkNCCL(SeqNum=9120, OpType=ALLREDUCE, NumelIn=131072000, NumelOut=131072000, Timeout(ms)=1800000) ran for 1800071 milliseconds before timing out.";

    private const string IllegalAccess = $"""
        [rank3]: Traceback (most recent call last):
        [rank3]:   File "{Trainer}", line 3401, in main
        [rank3]:     trainer.train()
        [rank3]:   File "{Trainer}", line 1422, in training_step
        [rank3]:     loss.backward()
        [rank3]:   File "{Torch}/_tensor.py", line 581, in backward
        [rank3]:     torch.autograd.backward(
        [rank3]: RuntimeError: CUDA error: an illegal memory access was encountered
        [rank3]: CUDA kernel errors might be asynchronously reported at some other API call, so the stacktrace below might be incorrect.
        """;

    private const string FlashAttnImport = $"""
        Traceback (most recent call last):
          File "{Trainer}", line 41, in <module>
            from flash_attn import flash_attn_func
          File "{Packages}/flash_attn/__init__.py", line 3, in <module>
            from flash_attn.flash_attn_interface import (
          File "{Packages}/flash_attn/flash_attn_interface.py", line 10, in <module>
            import flash_attn_2_cuda as flash_attn_cuda
        ImportError: {Packages}/flash_attn_2_cuda.cpython-311-x86_64-linux-gnu.so: undefined symbol: _ZN3c105ErrorC2ENS_14SourceLocationENSt7__cxx1112basic_stringIcSt11char_traitsIcESaIcEEE
        """;

    /// <summary>torchrun's failure table for a worker that exited with an error (not a signal).</summary>
    private static void TorchrunTable(DemoLogBuilder log, string host, string exitCode, string traceback) => log.Raw($"""
        E{log.Now:MMdd HH:mm:ss}.977000 140 {Torch}/distributed/elastic/multiprocessing/api.py:869] failed (exitcode: {exitCode}) local_rank: 0 (pid: 2211) of binary: /usr/bin/python3
        Traceback (most recent call last):
          File "/usr/local/bin/torchrun", line 8, in <module>
            sys.exit(main())
          File "{Torch}/distributed/launcher/api.py", line 263, in launch_agent
            raise ChildFailedError(
        torch.distributed.elastic.multiprocessing.errors.ChildFailedError:
        ============================================================
        {Trainer} FAILED
        ------------------------------------------------------------
        Failures:
          <NO_OTHER_FAILURES>
        ------------------------------------------------------------
        Root Cause (first observed failure):
        [0]:
          time      : {log.Now:yyyy-MM-dd_HH:mm:ss}
          host      : {host}
          rank      : 0 (local_rank: 0)
          exitcode  : {exitCode} (pid: 2211)
          error_file: <N/A>
          traceback : {traceback}
        ============================================================
        """);

    private static DemoJob Finished(string id, string owner, DateTime start, DemoLogBuilder log, string message) =>
        new(id, JobStatuses.Failed, message, owner, start, log.Now.AddSeconds(2), log.ToString());
}
