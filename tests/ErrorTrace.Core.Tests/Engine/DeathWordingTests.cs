using ErrorTrace.Core.Reports;

namespace ErrorTrace.Core.Tests.Engine;

/// <summary>Deaths in the words of the tools that report them (issue 12 point 8): a shell in another locale, zsh's
/// report without its frame, UCX's and qemu's signal handlers, the kernel's segfault line, Slurm's and the kernel's
/// memory enforcement, Kubernetes' eviction, absl's handler as Ray's workers print it, PaddlePaddle's DataLoader — and
/// the near misses each must leave alone.</summary>
public class DeathWordingTests
{
    private static TracebackInfo Root(string log) => Assert.IsType<TracebackInfo>(Analyze.Text(log).Traceback);

    private static void NoDeath(string log) => Assert.DoesNotContain(Analyze.Text(log).Tracebacks, t => t.Kind == "signal");

    [Theory]
    [InlineData("已杀死\n", "SIGKILL")]
    [InlineData("段错误 (核心已转储)\n", "SIGSEGV")]
    [InlineData("段错误\n", "SIGSEGV")]
    [InlineData("Speicherzugriffsfehler (Speicherabzug geschrieben)\n", "SIGSEGV")]
    [InlineData("  1%|█▏ | 21/1423 [00:02<02:09, 10.81it/s]已杀死\n", "SIGKILL")]
    [InlineData("[>>>>>>>>>> ] 1022/5000, 1.5 task/s, elapsed: 673s, ETA: 2621s已杀死\n", "SIGKILL")]
    public void A_shells_report_in_another_locale_is_the_death(string line, string signal)
    {
        var root = Root("epoch 1 step 20 loss 0.31\n" + line);

        Assert.Equal(("signal", signal), (root.Kind, root.ExceptionType));
    }

    [Theory]
    [InlineData("Process finished with exit code -1073741819 (0xC0000005)\n")]
    [InlineData("subprocess.CalledProcessError: Command '['python', 'train.py']' returned non-zero exit status 3221225477.\n")]
    public void Windows_access_violation_exit_code_is_a_segfault(string line)
    {
        var report = Analyze.Text("epoch 2 step 20 loss 0.31\n" + line);

        Assert.Contains(report.Tracebacks, t => (t.Kind, t.ExceptionType) == ("signal", "SIGSEGV"));
    }

    [Fact]
    public void Other_large_exit_codes_are_no_death() => NoDeath("Process finished with exit code 1073741819\n");

    [Fact]
    public void A_translated_report_glued_to_a_bar_is_reported_without_the_bar()
    {
        var root = Root("epoch 1\n  1%|█▏ | 21/1423 [00:02<02:09, 10.81it/s]已杀死\n");

        Assert.Equal(("已杀死", "21/1423 (1%), 00:02 elapsed"), (root.ExceptionMessage, root.Progress));
    }

    [Theory]
    [InlineData("进程已杀死\n")]
    [InlineData("训练被中止了，原因是段错误\n")]
    [InlineData("他说：已杀死\n")]
    [InlineData("日志：训练完成\n")]
    public void Translated_words_inside_prose_are_no_death(string line) => NoDeath("epoch 1\n" + line);

    [Fact]
    public void A_tqdm_bar_with_any_unit_carries_a_glued_report()
    {
        var root = Root("> padding:  65% 2207000/3382137 [03:08<01:16, 15381.54 examples/s]Killed\n");

        Assert.Equal(("signal", "SIGKILL", "Killed"), (root.Kind, root.ExceptionType, root.ExceptionMessage));
    }

    [Fact]
    public void A_bracketed_time_without_a_rate_is_no_bar() => NoDeath("[03:08<01:16, total]Killed the old cache\n");

    [Theory]
    [InlineData("segmentation fault (core dumped)\n", "SIGSEGV")]
    [InlineData("segmentation fault\n", "SIGSEGV")]
    [InlineData("[1]    16261 killed     python3 -m llama.convert_llama --ckpt_dir $CKPT_DIR\n", "SIGKILL")]
    [InlineData("[1]    307 abort      python3 main.py\n", "SIGABRT")]
    public void Zshs_report_with_its_frame_cut_or_a_background_job_is_a_death(string line, string signal)
    {
        Assert.Equal(("signal", signal), (Root("step 10 loss 0.3\n" + line).Kind, Root("step 10 loss 0.3\n" + line).ExceptionType));
    }

    [Theory]
    [InlineData("segmentation fault in the data loader was fixed\n")]
    [InlineData("the workers were killed  after the timeout\n")]
    [InlineData("we abort  the run when loss is nan\n")]
    public void Zshs_words_in_prose_are_no_death(string line) => NoDeath(line);

    [Theory]
    [InlineData("[node11:265  :0:4597] Caught signal 11 (Segmentation fault: address not mapped to object at address 0x52b00e)\n", "SIGSEGV")]
    [InlineData("[ava02:21329:1] Caught signal 11 (Segmentation fault)\n", "SIGSEGV")]
    [InlineData("qemu: uncaught target signal 6 (Aborted) - core dumped\n", "SIGABRT")]
    [InlineData("[ 5021.1234] python[4121]: segfault at 0 ip 00007fce957b5216 sp 00007fccd9ff1480 error 4 in _pywrap_tensorflow_internal.so[7fce90acb000+2aa45000]\n", "SIGSEGV")]
    public void Native_handlers_and_the_kernel_report_a_death_by_number_or_address(string line, string signal)
    {
        var root = Root("starting\n" + line);

        Assert.Equal(("signal", signal), (root.Kind, root.ExceptionType));
    }

    [Theory]
    [InlineData("Caught signal 11 in the handler test, all good\n")]
    [InlineData("the segfault at startup is gone since 2.1\n")]
    [InlineData("qemu: uncaught target signal handling is documented here\n")]
    public void Signal_numbers_and_segfault_in_prose_are_no_death(string line) => NoDeath("starting\n" + line);

    [Fact]
    public void Slurms_memory_enforcement_is_a_sigkill_and_the_lines_after_it_are_reports_of_their_own()
    {
        var report = Analyze.Text(
            "Epoch 0 | Training | Steps: 93 | Loss: 24.580695\n"
            + "slurmstepd: error: Job 7518 exceeded memory limit (626359956 > 512000000), being killed\n"
            + "slurmstepd: error: Exceeded job memory limit\n"
            + "slurmstepd: error: *** JOB 7518 ON xantipa CANCELLED AT 2022-06-10T17:11:35 ***\n");

        var root = Assert.IsType<TracebackInfo>(report.Traceback);
        Assert.Equal(("signal", "SIGKILL", 2L), (root.Kind, root.ExceptionType, root.FirstLine));
        Assert.Equal(3, report.Errors.Count(e => e.Message.StartsWith("slurmstepd: error:", StringComparison.Ordinal)));
    }

    [Fact]
    public void Slurms_note_that_a_step_peaked_over_its_memory_limit_is_no_death() =>
        NoDeath("done\nslurmstepd: error: Exceeded step memory limit at some point.\n");

    [Theory]
    [InlineData("[31075.781995] Memory cgroup out of memory: Killed process 93291 (pyflyte-fast-ex) total-vm:592560kB, anon-rss:172016kB\n")]
    [InlineData("The node was low on resource: memory.\nKilling container with id docker://notebook:Need to kill Pod\n")]
    public void A_containers_memory_kill_is_a_sigkill(string line)
    {
        Assert.Equal(("signal", "SIGKILL"), (Root("training\n" + line).Kind, Root("training\n" + line).ExceptionType));
    }

    [Fact]
    public void A_nodes_disk_pressure_eviction_is_no_memory_kill() =>
        NoDeath("training\nThe node was low on resource: ephemeral-storage.\n");

    [Fact]
    public void Absls_handler_behind_rays_prefix_is_the_death()
    {
        var root = Root("(ray_train pid=2994774) *** SIGSEGV received at time=1745480384 on cpu 3 ***\n"
            + "(ray_train pid=2994774) PC: @     0x74419e99daef  (unknown)  ray::core::CoreWorker::HandleKillActor()\n");

        Assert.Equal(("signal", "SIGSEGV"), (root.Kind, root.ExceptionType));
    }

    [Fact]
    public void Absls_report_then_faulthandlers_dump_of_the_same_death_is_rooted_at_the_dump()
    {
        var report = Analyze.Text(
            "*** SIGSEGV received at time=1709021359 on cpu 44 ***\n"
            + "PC: @     0x7f49a8aa1f94  (unknown)  (unknown)\n"
            + "    @     0x7f4a43b2d520  (unknown)  (unknown)\n"
            + "Fatal Python error: Segmentation fault\n\n"
            + "Stack (most recent call first):\n"
            + "  File \"/env/lib/python3.9/site-packages/torch/cuda/graphs.py\", line 88 in capture_begin\n"
            + "  File \"/env/lib/python3.9/site-packages/torch/cuda/graphs.py\", line 183 in __enter__\n");

        var root = Assert.IsType<TracebackInfo>(report.Traceback);
        Assert.Equal(("faulthandler", "SIGSEGV", "capture_begin"), (root.Kind, root.ExceptionType, root.Frames[^1].Function));
    }

    [Fact]
    public void A_signal_death_long_before_an_unrelated_dump_stays_the_root()
    {
        var log = "*** SIGSEGV received at time=1709021359 on cpu 44 ***\n"
            + string.Concat(Enumerable.Range(0, 250).Select(i => $"step {i}\n"))
            + "Fatal Python error: Segmentation fault\n\nStack (most recent call first):\n"
            + "  File \"/env/lib/python3.9/site-packages/torch/cuda/graphs.py\", line 88 in capture_begin\n";

        Assert.Equal(("signal", "SIGSEGV", 1L), (Root(log).Kind, Root(log).ExceptionType, Root(log).FirstLine));
    }

    [Fact]
    public void Paddles_dataloader_workers_report_is_the_death()
    {
        var root = Root("ERROR: Unexpected segmentation fault encountered in DataLoader workers.\n");

        Assert.Equal(("signal", "SIGSEGV"), (root.Kind, root.ExceptionType));
    }
}
