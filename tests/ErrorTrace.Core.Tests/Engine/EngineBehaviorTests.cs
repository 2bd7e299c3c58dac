namespace ErrorTrace.Core.Tests.Engine;

/// <summary>Engine decisions that the corpora do not pin down on their own.</summary>
public class EngineBehaviorTests
{
    [Fact]
    public void Glog_timestamps_take_the_next_year_when_the_month_wraps()
    {
        var report = Analyze.Text(
            "[2025-12-31 23:59:58] [__main__] [INFO] [SFT] step 1\n"
            + "E1231 23:59:59.000000 1 api.py:1] first failure\n"
            + "E0101 00:00:01.000000 1 api.py:1] second failure\n");

        var stamps = report.Errors.Select(e => e.Timestamp).ToList();
        Assert.Contains(new DateTime(2025, 12, 31, 23, 59, 59, DateTimeKind.Utc), stamps);
        Assert.Contains(new DateTime(2026, 1, 1, 0, 0, 1, DateTimeKind.Utc), stamps);
    }

    [Fact]
    public void The_rank_that_started_a_shared_traceback_first_represents_it()
    {
        // Rank 2 starts first but finishes last; the group's rank must still be 2.
        var report = Analyze.Text(
            "[rank2]: Traceback (most recent call last):\n"
            + "[rank6]: Traceback (most recent call last):\n"
            + "[rank6]:   File \"/app/train.py\", line 5, in step\n"
            + "[rank6]: torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 6.00 GiB. GPU 6\n"
            + "[rank6]: \n"
            + "[rank2]:   File \"/app/train.py\", line 5, in step\n"
            + "[rank2]: torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 6.00 GiB. GPU 2\n");

        var root = Assert.IsType<ErrorTrace.Core.Reports.TracebackInfo>(report.Traceback);
        Assert.Equal(2, root.Rank);
        Assert.Equal(2, root.Count);
        Assert.Equal([2, 6], root.Ranks);
        Assert.Equal(1, root.FirstLine);
    }

    /// <summary>Open MPI's <c>--tag-output</c> prefix (<c>[job,rank]&lt;stream&gt;:</c>) is an envelope like torchrun's:
    /// stripped exactly, its rank kept; a bracketed timestamp is not mistaken for it.</summary>
    /// <summary>Open MPI's <c>--timestamp-output</c> puts ctime()'s date before the tag, and horovodrun's Gloo launcher
    /// prints the rank alone in its tag (paddle-57955, horovod-1364 of the real-log corpus).</summary>
    [Theory]
    [InlineData("Mon Oct  9 16:22:00 2023[1,0]<stdout>:", 0)]
    [InlineData("Thu Aug 29 16:41:02 2019[4]<stderr>:", 4)]
    [InlineData("[4]<stderr>:", 4)]
    public void A_date_before_an_mpi_tag_and_horovods_rank_tag_are_envelopes(string prefix, int rank)
    {
        var report = Analyze.Text(
            prefix + "terminate called after throwing an instance of 'thrust::system::system_error'\n"
            + prefix + "  what():  transform: failed to synchronize: cudaErrorLaunchFailure: unspecified launch failure\n");

        var root = Assert.IsType<ErrorTrace.Core.Reports.TracebackInfo>(report.Traceback);
        Assert.Equal(("thrust::system::system_error", rank), (root.ExceptionType, root.Rank));
        Assert.StartsWith("transform: failed to synchronize", root.ExceptionMessage, StringComparison.Ordinal);
    }

    /// <summary>Hugging Face's test harness (accelerate's and transformers' execute_subprocess_async) labels each line of
    /// the child's output with its stream (accelerate-1209).</summary>
    [Fact]
    public void The_test_harness_stream_label_is_an_envelope()
    {
        var report = Analyze.Text(
            "stderr: terminate called after throwing an instance of 'std::runtime_error'\n"
            + "stderr:   what():  [Rank 0] Watchdog caught collective operation timeout: WorkNCCL(SeqNum=1, OpType=ALLGATHER, Timeout(ms)=1800000) ran for 1808212 milliseconds before timing out.\n");

        var root = Assert.IsType<ErrorTrace.Core.Reports.TracebackInfo>(report.Traceback);
        Assert.Equal("std::runtime_error", root.ExceptionType);
    }

    [Theory]
    [InlineData("Validation loss improved 0.41 [best]\nTraceback (most recent call last):\n  File \"/app/train.py\", line 5, in step\nValueError: bad\n")]
    [InlineData("Sat Dec  5 09:17:28 UTC 2026\nTraceback (most recent call last):\n  File \"/app/train.py\", line 5, in step\nValueError: bad\n")]
    public void Capitalised_lines_without_a_dated_tag_are_left_alone(string log)
    {
        var root = Assert.IsType<ErrorTrace.Core.Reports.TracebackInfo>(Analyze.Text(log).Traceback);

        Assert.Equal(("ValueError", (int?)null), (root.ExceptionType, root.Rank));
    }

    [Fact]
    public void Open_mpi_tags_separate_ranks_and_leave_timestamps_alone()
    {
        var report = Analyze.Text(
            "[1,3]<stderr>:Traceback (most recent call last):\n"
            + "[1,12]<stdout>:[2025-12-10 03:58:22] [__main__] [INFO] [Main] step 10\n"
            + "[1,3]<stderr>:  File \"/app/train.py\", line 5, in step\n"
            + "[1,3]<stderr>:torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 6.00 GiB. GPU 3\n"
            + "[2025-12-10 03:58:23] [__main__] [ERROR] [Main] Training failed with error: CUDA out of memory.\n");

        var root = Assert.IsType<ErrorTrace.Core.Reports.TracebackInfo>(report.Traceback);
        Assert.Equal(3, root.Rank);
        Assert.Equal("torch.OutOfMemoryError", root.ExceptionType);
        Assert.Equal("step", Assert.Single(root.Frames).Function);
        var record = Assert.Single(report.Errors, e => e.Message.StartsWith("Training failed", StringComparison.Ordinal));
        Assert.Equal("__main__", record.Logger);
        Assert.Empty(record.Ranks);
    }

    [Fact]
    public void Exact_and_parameterised_repeats_count_into_one_group()
    {
        var log = string.Concat(Enumerable.Range(0, 50).Select(i =>
            $"[2025-12-10 03:58:{i % 60:D2}] [__main__] [WARNING] [SFT] Gradient overflow, skipping step, loss scale reduced to {(i % 2 == 0 ? "32768.0" : "16384.0")}\n"));

        var warning = Assert.Single(Analyze.Text(log).Errors);
        Assert.Equal(50, warning.Count);
        Assert.Equal("Gradient overflow, skipping step, loss scale reduced to 32768.0", warning.Message);
    }

    [Theory]
    [InlineData("\r  0%|          | 402/6941000 [02:12<634:16:24,  3.47it/s]\r  0%|          | 403/6941000 [02:12<634:16:24,  3.47it/s]\n")]
    [InlineData("Training:  45%|████▌     | 450/1000 [00:10<00:12, 45.00it/s]\n")]
    public void A_progress_bar_after_a_warning_is_not_part_of_its_message(string bar)
    {
        var log = "[2025-12-10 03:43:18] [__main__] [WARNING] [SFT] Gradient overflow, skipping step, loss scale reduced to 65536.0\n"
            + bar + "next line of print output\n";

        var warning = Assert.Single(Analyze.Text(log).Errors);
        Assert.Equal("Gradient overflow, skipping step, loss scale reduced to 65536.0", warning.Message);
    }

    [Fact]
    public void Torchruns_banner_groups_only_its_sentence()
    {
        const string Prefix = "W1210 03:41:07.512000 4242 torch/distributed/run.py:793] ";
        var log = Prefix + "\n" + Prefix + "*****************************************\n"
            + Prefix + "Setting OMP_NUM_THREADS environment variable for each process to be 1 in default.\n"
            + Prefix + "*****************************************\n";

        var warning = Assert.Single(Analyze.Text(log).Errors);
        Assert.StartsWith("Setting OMP_NUM_THREADS", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_record_whose_message_starts_on_the_next_line_takes_that_line()
    {
        var log = "[2025-12-10 03:58:22] [__main__] [ERROR] [Main] \n"
            + "Checkpoint save failed: disk quota exceeded\n"
            + "while writing /out/checkpoint-500\n"
            + "[2025-12-10 03:58:23] [__main__] [ERROR] [Main] \n"
            + "\n";

        var error = Assert.Single(Analyze.Text(log).Errors);
        Assert.Equal("Checkpoint save failed: disk quota exceeded\nwhile writing /out/checkpoint-500", error.Message);
        Assert.Equal(1, error.FirstLine);
        Assert.Equal("Main", error.Phase);
    }

    /// <summary>As CPython 3.11 printed it for an exception raised in <c>__del__</c> (sys.unraisablehook).</summary>
    private const string Unraisable =
        "Exception ignored in: <function Loader.__del__ at 0x7f30576599e0>\n"
        + "Traceback (most recent call last):\n"
        + "  File \"/tmp/cases/ign.py\", line 6, in __del__\n"
        + "    self._shutdown_workers()\n"
        + "    ^^^^^^^^^^^^^^^^^^^^^^\n"
        + "AttributeError: 'Loader' object has no attribute '_shutdown_workers'\n";

    [Fact]
    public void An_exception_ignored_by_cpython_is_a_warning_not_the_failure()
    {
        var report = Analyze.Text(
            "[2026-11-28 16:23:04] [__main__] [INFO] step 1 loss=1.0\n" + Unraisable
            + "[2026-11-28 16:23:05] [__main__] [INFO] training complete\n");

        Assert.Null(report.Traceback);
        Assert.Empty(report.Tracebacks);
        var warning = Assert.Single(report.Errors);
        Assert.Equal(("warning", "unraisable", 3L), (warning.Level, warning.Source, warning.FirstLine));
        Assert.Equal("Exception ignored in: <function Loader.__del__ at 0x7f30576599e0>\nAttributeError: 'Loader' object has no attribute '_shutdown_workers'", warning.Message);
    }

    [Theory]
    [InlineData("Exception ignored in atexit callback: <function bye at 0x7effeb1edbc0>")]
    [InlineData("Error in atexit._run_exitfuncs:")]
    public void An_exit_handlers_exception_after_the_run_is_a_warning(string banner)
    {
        var report = Analyze.Text("done\n" + banner + "\nTraceback (most recent call last):\n"
            + "  File \"/tmp/cases/ax.py\", line 3, in bye\n    raise RuntimeError(\"wandb: run not finished\")\nRuntimeError: wandb: run not finished\n");

        Assert.Null(report.Traceback);
        Assert.Equal("unraisable", Assert.Single(report.Errors).Source);
    }

    [Fact]
    public void A_failure_after_an_ignored_exception_is_the_root_cause()
    {
        var report = Analyze.Text(Unraisable
            + "Traceback (most recent call last):\n  File \"/app/train.py\", line 9, in main\n    step()\nValueError: bad batch\n");

        var root = Assert.IsType<ErrorTrace.Core.Reports.TracebackInfo>(report.Traceback);
        Assert.Equal("ValueError", root.ExceptionType);
        Assert.Single(report.Tracebacks);
    }

    /// <summary>Two Ray Train workers print the same OOM line by line into the driver's output, each line under its
    /// process label: two streams, one traceback printed twice, each with its own frames.</summary>
    [Fact]
    public void Ray_worker_labels_separate_interleaved_tracebacks()
    {
        string[] body =
        [
            "Traceback (most recent call last):",
            "  File \"/app/train.py\", line 40, in train_func",
            "    loss.backward()",
            "  File \"/usr/lib/python3/dist-packages/torch/_tensor.py\", line 522, in backward",
            "    torch.autograd.backward(",
            "torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 2.00 GiB.",
        ];
        var log = string.Concat(body.Select(line =>
            "(RayTrainWorker pid=2345, ip=10.0.0.3) " + line + "\n" + "(RayTrainWorker pid=2346, ip=10.0.0.4) " + line + "\n"));

        var root = Assert.IsType<ErrorTrace.Core.Reports.TracebackInfo>(Analyze.Text(log).Traceback);
        Assert.Equal(["train_func", "backward"], root.Frames.Select(f => f.Function));
        Assert.Equal(2, root.Count);
        Assert.Equal(Analyze.Text(string.Concat(body.Select(line => line + "\n"))).Traceback!.ExceptionMessage, root.ExceptionMessage);
    }

    [Theory]
    [InlineData("vllm_1   | ")]
    [InlineData("myproject-vllm-openai-1  | ")]
    public void Docker_composes_container_prefix_is_an_envelope_naming_the_host(string prefix)
    {
        string[] body =
        [
            "Traceback (most recent call last):",
            "  File \"/app/serve.py\", line 40, in main",
            "    engine.start()",
            "RuntimeError: CUDA error: no kernel image is available for execution on the device",
        ];
        var log = string.Concat(body.Select(line => prefix + line + "\n"));

        var root = Assert.IsType<ErrorTrace.Core.Reports.TracebackInfo>(Analyze.Text(log).Traceback);
        Assert.Equal(("RuntimeError", "main", prefix.TrimEnd(' ', '|')), (root.ExceptionType, root.Frames[^1].Function, root.Host));
    }

    [Theory]
    [InlineData("torch.OutOfMemoryError: CUDA out of memory. [repeated 7x across cluster]", "torch.OutOfMemoryError: CUDA out of memory.")]
    [InlineData("a list [1, 2] ends in a bracket]", "a list [1, 2] ends in a bracket]")]
    [InlineData("[repeated 7x across cluster]", "[repeated 7x across cluster]")]
    public void Rays_repeat_mark_is_not_part_of_the_line(string line, string expected) =>
        Assert.Equal(expected, System.Text.Encoding.UTF8.GetString(ErrorTrace.Core.Envelopes.RayRepeatSuffix.Strip(System.Text.Encoding.UTF8.GetBytes(line))));

    [Fact]
    public void A_marker_line_among_progress_bars_is_still_found()
    {
        var bars = string.Concat(Enumerable.Range(0, 100).Select(i => $"\r {i}%|████▌     | {i}/100 [00:10<00:12, 45.00it/s]"));
        var report = Analyze.Text(bars + "\nKilled\n");

        var root = Assert.IsType<ErrorTrace.Core.Reports.TracebackInfo>(report.Traceback);
        Assert.Equal("signal", root.Kind);
        Assert.Equal("SIGKILL", root.ExceptionType);
        Assert.Equal(2, root.FirstLine);
    }

    [Fact]
    public void Progress_frames_inside_a_traceback_do_not_end_it()
    {
        var report = Analyze.Text(
            "start\n"
            + "Traceback (most recent call last):\n"
            + "  File \"/app/train.py\", line 5, in step\n"
            + " 10%|█         | 1/10 [00:01<00:09]\r 20%|██        | 2/10 [00:02<00:08]\r"
            + "    loss.backward()\n"
            + "RuntimeError: boom\n");

        var root = Assert.IsType<ErrorTrace.Core.Reports.TracebackInfo>(report.Traceback);
        Assert.Equal("RuntimeError", root.ExceptionType);
        Assert.Equal("loss.backward()", Assert.Single(root.Frames).Code);
    }

    [Fact]
    public void A_log_whose_only_line_ending_is_a_bare_carriage_return_is_still_read()
    {
        var report = Analyze.Text("Traceback (most recent call last):\r  File \"/app/x.py\", line 1, in <module>\rValueError: bad\r");

        var root = Assert.IsType<ErrorTrace.Core.Reports.TracebackInfo>(report.Traceback);
        Assert.Equal("ValueError", root.ExceptionType);
        Assert.Equal("bad", root.ExceptionMessage);
    }

    [Fact]
    public void A_launcher_death_line_names_the_rank_that_died()
    {
        var report = Analyze.Text("E1127 13:45:11.977000 140 api.py:869] failed (exitcode: -6) local_rank: 1 (pid: 153) of binary: /usr/bin/python3\n");

        var root = Assert.IsType<ErrorTrace.Core.Reports.TracebackInfo>(report.Traceback);
        Assert.Equal("SIGABRT", root.ExceptionType);
        Assert.Equal(1, root.Rank);
    }
}
