using ErrorTrace.Core.Reports;

namespace ErrorTrace.Core.Tests.Engine;

/// <summary>Deaths and C++ aborts in the forms programs and pastes print them besides a shell's own line: srun's task
/// report, slurmstepd's memory kill without its 'error:' tag, CPython's subprocess wording in a logged message, Paddle's
/// signal handler (its FatalError, its warning records), a tqdm bar of unknown length or a one-line code fence before a
/// shell's report, and an abort's header glued after other text.</summary>
public class LauncherAndSignalHandlerDeathTests
{
    [Theory]
    [InlineData("srun: error: nid001234: task 0: Killed", "SIGKILL")]
    [InlineData("srun: error: gpu-4: tasks 0-3: Segmentation fault (core dumped)", "SIGSEGV")]
    [InlineData("srun: error: node17: task 2: Bus error", "SIGBUS")]
    [InlineData("srun: error: ... Aborted (core dumped)", "SIGABRT")]
    public void Sruns_report_of_a_task_a_signal_ended_is_the_death(string line, string signal)
    {
        var root = Assert.IsType<TracebackInfo>(Analyze.Text("epoch 3 step 100 loss 0.41\n" + line + "\n").Traceback);

        Assert.Equal(("signal", signal, 2L), (root.Kind, root.ExceptionType, root.FirstLine));
    }

    [Theory]
    [InlineData("srun: error: nid001234: task 0: Exited with exit code 1")]
    [InlineData("srun: error: gpu-4: task 1: Killed by the user in the config because the step ran too long")]
    [InlineData("srun: error: Unable to create step for job 1234: Invalid generic resource (gres) specification")]
    public void Sruns_other_errors_are_no_death(string line)
    {
        Assert.DoesNotContain(Analyze.Text("epoch 1 done\n" + line + "\n").Tracebacks, t => t.Kind == "signal");
    }

    [Fact]
    public void Slurms_untagged_memory_kill_is_a_sigkill_before_the_cancellation()
    {
        const string Log = "step 500 loss 1.2\n" +
            "slurmstepd: Job 1171978 exceeded memory limit (18202456 > 16384000), being killed\n" +
            "slurmstepd: *** JOB 1171978 ON cuda-24-0 CANCELLED AT 2018-10-16T13:24:27 ***\n";

        var root = Assert.IsType<TracebackInfo>(Analyze.Text(Log).Traceback);

        Assert.Equal(("signal", "SIGKILL", 2L), (root.Kind, root.ExceptionType, root.FirstLine));
    }

    [Fact]
    public void Slurms_note_that_usage_once_peaked_is_no_kill()
    {
        Assert.DoesNotContain(Analyze.Text("done\nslurmstepd: Exceeded step memory limit at some point.\n").Tracebacks, t => t.Kind == "signal");
    }

    [Theory]
    [InlineData("2024-10-21 08:00:01,123 - root - ERROR - Error occurred while running command: Command '['python3', 'convert.py', '--outtype', 'f32']' died with <Signals.SIGKILL: 9>., check details in logs/convert.log", "SIGKILL")]
    [InlineData("ERROR:root:Command '['./build/bin/quantize', 'model.gguf']' died with <Signals.SIGSEGV: 11>.", "SIGSEGV")]
    [InlineData("Conversion failed: Command 'ffmpeg -i in.mp4 out.wav' died with <Signals.SIGUSR2: 12>.", "SIGUSR2")]
    public void Subprocess_wording_for_a_child_a_signal_ended_is_the_death(string line, string signal)
    {
        var root = Assert.IsType<TracebackInfo>(Analyze.Text("Loading model\n" + line + "\n").Traceback);

        Assert.Equal(("signal", signal), (root.Kind, root.ExceptionType));
    }

    [Theory]
    [InlineData("The Signals.SIGKILL enum is what subprocess returns.")]
    [InlineData("ERROR:root:Command 'x' died with <Signals.sigkill: 9>.")]
    public void Other_mentions_of_the_signal_enum_are_no_death(string line)
    {
        Assert.DoesNotContain(Analyze.Text("start\n" + line + "\n").Tracebacks, t => t.Kind == "signal");
    }

    [Theory]
    [InlineData("Segmentation fault", "SIGSEGV")]
    [InlineData("Process abort signal", "SIGABRT")]
    [InlineData("Termination signal", "SIGTERM")]
    [InlineData("Erroneous arithmetic operation", "SIGFPE")]
    public void Paddles_fatal_error_for_a_signal_is_the_death(string words, string signal)
    {
        var log = "--------------------------------------\nC++ Traceback (most recent call last):\n--------------------------------------\n" +
            "No stack trace in paddle, may be caused by external reasons.\n\n----------------------\nError Message Summary:\n" +
            "----------------------\nFatalError: `" + words + "` is detected by the operating system.\n";

        var report = Analyze.Text(log);

        var root = Assert.IsType<TracebackInfo>(report.Traceback);
        Assert.Equal(("signal", signal), (root.Kind, root.ExceptionType));
    }

    [Fact]
    public void Paddles_fatal_error_for_anything_else_stays_the_exception()
    {
        var root = Assert.IsType<TracebackInfo>(Analyze.Text("start\nFatalError: `Out of memory` is detected by the allocator.\n").Traceback);

        Assert.Equal("FatalError", root.ExceptionType);
    }

    [Fact]
    public void A_crash_handlers_report_in_warning_records_is_the_death()
    {
        const string Log = "save parameters at ./checkpoints/epoch_2\n" +
            "W0123 04:51:52.655895  1282 init.cc:206] *** Aborted at 1579755112 (unix time) try \"date -d @1579755112\" if you are using GNU date ***\n" +
            "W0123 04:51:52.658562  1282 init.cc:206] PC: @                0x0 (unknown)\n" +
            "W0123 04:51:52.658725  1282 init.cc:206] *** SIGSEGV (@0x64) received by PID 1156 (TID 0x7f2532fed700) from PID 100; stack trace: ***\n" +
            "W0123 04:51:52.660856  1282 init.cc:206]     @     0x7f4343178390 (unknown)\n";

        var root = Assert.IsType<TracebackInfo>(Analyze.Text(Log).Traceback);

        Assert.Equal(("signal", "SIGSEGV", 4L), (root.Kind, root.ExceptionType, root.FirstLine));
    }

    [Fact]
    public void Other_warning_records_are_no_death()
    {
        Assert.DoesNotContain(Analyze.Text("W0123 04:51:52.655895  1282 init.cc:206] *** Check failure stack trace: ***\nW0123 04:51:52.655895  1282 init.cc:206] Signal 9 (SIGKILL) received by PID 3\n").Tracebacks,
            t => t.Kind == "signal");
    }

    [Theory]
    [InlineData("distributed.nanny - INFO - Worker process 9018 was killed by signal 9", "SIGKILL")]
    [InlineData("distributed.nanny - INFO - Worker process 79862 was killed by signal 15", "SIGTERM")]
    [InlineData("supervisor: child 12 (train.py) killed by signal 11; restarting", "SIGSEGV")]
    public void A_supervisors_report_of_a_child_killed_by_a_signals_number_is_the_death(string line, string signal)
    {
        var root = Assert.IsType<TracebackInfo>(Analyze.Text("distributed.worker - INFO - Start worker at: tcp://10.0.0.2:42173\n" + line + "\n").Traceback);

        Assert.Equal(("signal", signal, 2L), (root.Kind, root.ExceptionType, root.FirstLine));
    }

    [Theory]
    [InlineData("The job may be killed by signal handling in the scheduler.")]
    [InlineData("Worker process 12 was killed by signal 123456")]
    [InlineData("Worker process 12 was killed by signal 9x")]
    public void Other_killed_by_signal_sentences_are_no_death(string line)
    {
        Assert.DoesNotContain(Analyze.Text("start\n" + line + "\n").Tracebacks, t => t.Kind == "signal");
    }

    [Theory]
    [InlineData("0it [00:00, ?it/s]Segmentation fault (core dumped)", "SIGSEGV")]
    [InlineData("1234it [01:02:03, 19.8it/s]Killed", "SIGKILL")]
    public void A_shells_report_glued_to_a_bar_of_unknown_length_is_the_death(string line, string signal)
    {
        var root = Assert.IsType<TracebackInfo>(Analyze.Text("Building shard 0.\n" + line + "\n").Traceback);

        Assert.Equal(("signal", signal), (root.Kind, root.ExceptionType));
        Assert.StartsWith(signal == "SIGSEGV" ? "Segmentation" : "Killed", root.ExceptionMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Loaded [00:00, the cache]Killed")]
    [InlineData("[00:00, 5it/s] was Killed by the user")]
    public void Brackets_that_are_no_bar_do_not_make_a_glued_death(string line)
    {
        Assert.DoesNotContain(Analyze.Text("start\n" + line + "\n").Tracebacks, t => t.Kind == "signal");
    }

    [Theory]
    [InlineData("```Segmentation fault (core dumped)```", "SIGSEGV")]
    [InlineData("```Killed``` ", "SIGKILL")]
    public void A_one_line_code_fence_around_a_shells_report_is_the_death(string line, string signal)
    {
        var root = Assert.IsType<TracebackInfo>(Analyze.Text("### Errors (if any)\n" + line + "\n").Traceback);

        Assert.Equal(("signal", signal), (root.Kind, root.ExceptionType));
    }

    [Theory]
    [InlineData("Training ━━━━━━╸━━━━━━  19% step: 5700 loss: 0.028 :: Elapsed: 0:21:08terminate called after throwing an instance of 'c10::Error'\n  what():  CUDA error: unknown error\n", "c10::Error", "CUDA error: unknown error")]
    [InlineData(" [00:00<?, ?it/s]libc++abi: terminating due to uncaught exception of type std::runtime_error: [malloc_or_wait] Unable to allocate 134217728 bytes.\n", "std::runtime_error", "[malloc_or_wait] Unable to allocate 134217728 bytes.")]
    [InlineData("[error] libc++abi: terminating due to uncaught exception of type std::runtime_error: [METAL] Command buffer execution failed: Insufficient Memory\n", "std::runtime_error", "[METAL] Command buffer execution failed: Insufficient Memory")]
    [InlineData("To avoid data inconsistency, we are taking the entire process down. terminate called after throwing an instance of 'std::runtime_error' what(): NCCL error: remote process exited\n", "std::runtime_error", "NCCL error: remote process exited")]
    public void An_aborts_header_glued_after_other_text_is_the_abort(string log, string type, string message)
    {
        var root = Assert.IsType<TracebackInfo>(Analyze.Text("step 5600\n" + log).Traceback);

        Assert.Equal(("cpp", type), (root.Kind, root.ExceptionType));
        Assert.StartsWith(message, root.ExceptionMessage, StringComparison.Ordinal);
    }
}
