using ErrorTrace.Core.Reports;

namespace ErrorTrace.Core.Tests.Engine;

/// <summary>Deaths by signal as the tools around a process report them: a debugger, a crash handler compiled into the
/// program, the MPI runtime, zsh, torch.multiprocessing.spawn, a DataLoader worker, and a shell's word that a paste
/// wrapped in markdown or a Keras bar swallowed.</summary>
public class NativeDeathTests
{
    [Theory]
    [InlineData("Thread 20 \"python3.5\" received signal SIGSEGV, Segmentation fault.\n[Switching to Thread 0x7fff779bf700 (LWP 2911)]\n#0  0x0000000000000045 in ?? ()\n", "SIGSEGV")]
    [InlineData("Program received signal SIGSEGV, Segmentation fault.\n0x00007fffda3a7492 in operator[] (this=0x7ffec8ffbc10, __n=0)\n", "SIGSEGV")]
    [InlineData("Program received signal SIGABRT, Aborted.\n", "SIGABRT")]
    [InlineData("Program terminated with signal SIGKILL, Killed.\n", "SIGKILL")]
    public void A_debugger_stopping_on_a_crash_signal_is_that_death(string log, string signal)
    {
        var root = Assert.IsType<TracebackInfo>(Analyze.Text(log).Traceback);

        Assert.Equal(("signal", signal), (root.Kind, root.ExceptionType));
        Assert.Empty(root.Frames);
    }

    [Fact]
    public void A_debugger_stopping_on_a_signal_the_program_may_handle_is_no_death()
    {
        var report = Analyze.Text("Thread 1 \"python\" received signal SIGINT, Interrupt.\nProgram received signal SIGPIPE, Broken pipe.\n");

        Assert.DoesNotContain(report.Tracebacks, t => t.Kind == "signal");
    }

    [Theory]
    [InlineData("*** Aborted at 1591718016 (unix time) try \"date -d @1591718016\" if you are using GNU date ***\n*** SIGSEGV (@0x0) received by PID 26955 (TID 0x7f28d7e0b740) from PID 0; stack trace: ***\n    @     0x7f28d79c4390 (unknown)\n")]
    [InlineData("*** SIGSEGV STACK OVERFLOW (see go/cppstackoverflow) received by PID 166152 (TID 166402) on cpu 22; stack trace: ***\nPC: @     0x7f66872c8489  (unknown)  (unknown)\n")]
    [InlineData("(pid=26955) *** SIGSEGV (@0x0) received by PID 26955 (TID 0x7f28d7e0b740) from PID 0; stack trace: ***\n")]
    public void An_absl_or_glog_failure_signal_dump_is_that_death(string log)
    {
        var root = Assert.IsType<TracebackInfo>(Analyze.Text(log).Traceback);

        Assert.Equal(("signal", "SIGSEGV"), (root.Kind, root.ExceptionType));
    }

    [Fact]
    public void Open_mpis_signal_handler_report_is_the_death_and_mpiruns_notice_the_same_one()
    {
        var report = Analyze.Text(
            "[lhx-910:19474] *** Process received signal ***\n"
            + "[lhx-910:19474] Signal: Segmentation fault (11)\n"
            + "[lhx-910:19474] Signal code: Address not mapped (1)\n"
            + "[lhx-910:19474] Failing at address: (nil)\n"
            + "[lhx-910:19474] *** End of error message ***\n"
            + "mpiexec noticed that process rank 0 with PID 19474 on node lhx-910 exited on signal 11 (Segmentation fault).\n");

        var root = Assert.IsType<TracebackInfo>(report.Traceback);
        Assert.Equal(("signal", "SIGSEGV", 2L), (root.Kind, root.ExceptionType, root.FirstLine));
        Assert.Single(report.Tracebacks, t => t.Kind == "signal");
    }

    [Fact]
    public void Mpiruns_notice_of_a_rank_killed_by_signal_9_is_a_sigkill_death()
    {
        var report = Analyze.Text(
            "Epoch 1/1\n"
            + "Primary job  terminated normally, but 1 process returned\na non-zero exit code. Per user-direction, the job has been aborted.\n"
            + "mpirun noticed that process rank 7 with PID 0 on node HOSTNAME exited on signal 9 (Killed).\n");

        var root = Assert.IsType<TracebackInfo>(report.Traceback);
        Assert.Equal(("signal", "SIGKILL"), (root.Kind, root.ExceptionType));
    }

    [Theory]
    [InlineData("zsh: killed     python train.py --epochs 10\n", "SIGKILL")]
    [InlineData("zsh: segmentation fault  python train.py\n", "SIGSEGV")]
    [InlineData("In [1]: [1]    32012 segmentation fault  THEANO_FLAGS='mode=FAST_RUN' ipython examples/repeat-copy.py -i\n", "SIGSEGV")]
    [InlineData("[2]  + 4321 segmentation fault  python train.py\n", "SIGSEGV")]
    [InlineData("zsh: bus error  python train.py\n", "SIGBUS")]
    public void Zshs_job_report_is_a_death(string line, string signal)
    {
        var root = Assert.IsType<TracebackInfo>(Analyze.Text("step 10 loss 0.3\n" + line).Traceback);

        Assert.Equal(("signal", signal), (root.Kind, root.ExceptionType));
    }

    [Theory]
    [InlineData("we fixed the segmentation fault in 1.2\n")]
    [InlineData("[docs] 12 killed processes are listed below\n")]
    public void Lower_case_signal_words_without_zshs_frame_are_no_death(string line)
    {
        Assert.DoesNotContain(Analyze.Text(line).Tracebacks, t => t.Kind == "signal");
    }

    [Theory]
    [InlineData("**Killed**\n")]
    [InlineData("`Killed`\n")]
    [InlineData("**Segmentation fault (core dumped)**\n")]
    public void A_shell_report_wrapped_in_markdown_is_still_the_death(string line)
    {
        var root = Assert.IsType<TracebackInfo>(Analyze.Text("iter 144: total-loss 0.5882\n\n" + line).Traceback);

        Assert.Equal("signal", root.Kind);
    }

    [Fact]
    public void A_shell_report_glued_to_a_keras_bar_is_the_death_with_the_bars_progress()
    {
        var root = Assert.IsType<TracebackInfo>(Analyze.Text(
            "Epoch 1/1\n165376/296960 [===============>..............] - ETA: 365s - loss: 2.1371Killed\n").Traceback);

        Assert.Equal(("signal", "SIGKILL", "Killed", "165376/296960"), (root.Kind, root.ExceptionType, root.ExceptionMessage, root.Progress));
    }

    [Fact]
    public void A_spawned_process_killed_by_a_signal_is_the_root_not_spawns_wrapper()
    {
        var report = Analyze.Text(
            "Traceback (most recent call last):\n"
            + "  File \"tools/dist_train.py\", line 425, in <module>\n    main()\n"
            + "  File \"/usr/lib/python3.6/site-packages/torch/multiprocessing/spawn.py\", line 107, in join\n    (error_index, name)\n"
            + "Exception: process 1 terminated with signal SIGKILL\n");

        var root = Assert.IsType<TracebackInfo>(report.Traceback);
        Assert.Equal(("signal", "SIGKILL"), (root.Kind, root.ExceptionType));
        Assert.Empty(root.Frames);
        Assert.Contains(report.Tracebacks, t => t.ExceptionType == "Exception" && t.Secondary);
    }

    [Fact]
    public void A_spawn_exception_line_printed_alone_is_the_same_death()
    {
        var root = Assert.IsType<TracebackInfo>(Analyze.Text(
            "torch.multiprocessing.spawn.ProcessExitedException: process 0 terminated with signal SIGKILL\n").Traceback);

        Assert.Equal(("signal", "SIGKILL"), (root.Kind, root.ExceptionType));
    }

    [Fact]
    public void A_dataloader_workers_own_report_is_the_death_when_nothing_else_says_more()
    {
        var root = Assert.IsType<TracebackInfo>(Analyze.Text(
            "  0%|          | 0/15 [00:00<?, ?it/s]ERROR: Unexpected segmentation fault encountered in worker.\n"
            + "ERROR: Unexpected segmentation fault encountered in worker.\n").Traceback);

        Assert.Equal(("signal", "SIGSEGV"), (root.Kind, root.ExceptionType));
    }

    [Fact]
    public void The_main_processes_re_raise_of_a_workers_death_is_the_root_over_the_workers_report()
    {
        var report = Analyze.Text(
            "ERROR: Unexpected bus error encountered in worker. This might be caused by insufficient shared memory (shm).\n"
            + "Traceback (most recent call last):\n"
            + "  File \"/usr/lib/python3/dist-packages/torch/utils/data/dataloader.py\", line 274, in handler\n    _error_if_any_worker_fails()\n"
            + "RuntimeError: DataLoader worker (pid 125) is killed by signal: Bus error.\n");

        var root = Assert.IsType<TracebackInfo>(report.Traceback);
        Assert.Equal("RuntimeError", root.ExceptionType);
        Assert.Contains(report.Tracebacks, t => t.Kind == "signal" && t.ExceptionType == "SIGBUS");
    }

    [Fact]
    public void A_schedulers_warning_signal_is_named()
    {
        var root = Assert.IsType<TracebackInfo>(Analyze.Text("epoch 3 step 200\nUser defined signal 2\n").Traceback);

        Assert.Equal(("signal", "SIGUSR2"), (root.Kind, root.ExceptionType));
    }

    [Fact]
    public void A_faulthandler_dump_without_its_header_is_read_from_its_current_thread_even_unindented()
    {
        var report = Analyze.Text(
            "I0414 10:36:42.831109 140578513020736 train.py:273] Starting training\n"
            + "Current thread 0x00007fed4e792740 (most recent call first):\n"
            + "File \"/env/lib/python3.8/site-packages/numpy/core/fromnumeric.py\", line 2033 in shape\n"
            + "File \"/env/lib/python3.8/site-packages/jax/_src/api.py\", line 1307 in _mapped_axis_size\n"
            + "File \"train.py\", line 334 in <module>\n"
            + "srun: error: storm: task 0: Segmentation fault\n");

        var root = Assert.IsType<TracebackInfo>(report.Traceback);
        Assert.Equal(("faulthandler", "SIGSEGV"), (root.Kind, root.ExceptionType));
        Assert.Equal(("/env/lib/python3.8/site-packages/numpy/core/fromnumeric.py", "shape"), (root.Frames[^1].File, root.Frames[^1].Function));
    }

    [Fact]
    public void Other_threads_of_a_dump_without_the_current_one_are_no_failure()
    {
        var report = Analyze.Text(
            "Thread 0x00007f2e533f9640 (most recent call first):\n"
            + "  File \"/usr/lib/python3.10/threading.py\", line 320 in wait\n"
            + "  File \"/usr/lib/python3.10/threading.py\", line 973 in _bootstrap\n");

        Assert.DoesNotContain(report.Tracebacks, t => t.Kind == "faulthandler");
    }
}
