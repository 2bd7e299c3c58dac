using ErrorTrace.Core.Reports;

namespace ErrorTrace.Core.Tests.Engine;

/// <summary>Logs that hold several runs appended one after another (issue 12 item 8): the root cause is the first failure
/// of the last run that failed, and the runs that failed are listed.</summary>
public class MultiRunTests
{
    private const string LsfSummary =
        "\n------------------------------------------------------------\n"
        + "Sender: LSF System <lsfadmin@n-62-11-15>\n"
        + "Subject: Job 8253410: <train> in cluster <dcc> Exited\n\n"
        + "TERM_MEMLIMIT: job killed after reaching LSF memory usage limit.\n"
        + "Exited with exit code 137.\n\n"
        + "The output (if any) is above this job summary.\n\n";

    [Fact]
    public void Two_lsf_jobs_in_one_file_the_root_is_the_last_jobs_death()
    {
        var report = Analyze.Text(
            "/home/u/.lsbatch/1604335277.shell: line 14: 94460 Killed                  python main.py\n"
            + LsfSummary
            + "User defined signal 2\n"
            + LsfSummary.Replace("TERM_MEMLIMIT: job killed after reaching LSF memory usage limit.", "TERM_RUNLIMIT: job killed after reaching LSF run time limit.", StringComparison.Ordinal)
                .Replace("137", "140", StringComparison.Ordinal));

        var root = Assert.IsType<TracebackInfo>(report.Traceback);
        Assert.Equal(("signal", "SIGUSR2"), (root.Kind, root.ExceptionType));
        var runs = Assert.IsAssignableFrom<IReadOnlyList<RunInfo>>(report.Runs);
        Assert.Equal(["SIGKILL", "SIGUSR2"], runs.Where(r => r.RootCause is not null).Select(r => r.RootCause![..7]));
        Assert.Equal([false, true], runs.Where(r => r.RootCause is not null).Select(r => r.IsRootRun));
        Assert.Equal("lsf", runs[^1].StartedBy);
    }

    [Fact]
    public void Launches_appended_to_nohup_out_the_root_is_the_last_launchs_first_exception()
    {
        var report = Analyze.Text(
            "nohup: ignoring input\n"
            + "Traceback (most recent call last):\n  File \"train.py\", line 3, in <module>\n    import dtu\n"
            + "ModuleNotFoundError: No module named 'dtu'\n"
            + "nohup: ignoring input\n"
            + "loading data\n"
            + "Traceback (most recent call last):\n  File \"train.py\", line 9, in <module>\n    main()\n"
            + "ValueError: bad learning rate\n"
            + "Traceback (most recent call last):\n  File \"train.py\", line 12, in <module>\n    cleanup()\n"
            + "RuntimeError: cleanup failed\n");

        var root = Assert.IsType<TracebackInfo>(report.Traceback);
        Assert.Equal("ValueError", root.ExceptionType);
        var runs = Assert.IsAssignableFrom<IReadOnlyList<RunInfo>>(report.Runs);
        Assert.Equal(2, runs.Count);
        Assert.Equal(("ModuleNotFoundError: No module named 'dtu'", 1, false), (runs[0].RootCause, runs[0].Failures, runs[0].IsRootRun));
        Assert.Equal((6L, "nohup", 2, true), (runs[1].FirstLine, runs[1].StartedBy, runs[1].Failures, runs[1].IsRootRun));
    }

    [Fact]
    public void A_torchrun_banner_starts_a_run_as_a_warning_record_too()
    {
        var report = Analyze.Text(
            "W1203 10:00:00.000000 123 torch/distributed/run.py:793] Setting OMP_NUM_THREADS environment variable for each process to be 1 in default\n"
            + "Traceback (most recent call last):\n  File \"train.py\", line 3, in <module>\n    main()\n"
            + "KeyError: 'model'\n"
            + "W1203 10:05:00.000000 124 torch/distributed/run.py:793] Setting OMP_NUM_THREADS environment variable for each process to be 1 in default\n"
            + "Traceback (most recent call last):\n  File \"train.py\", line 3, in <module>\n    main()\n"
            + "torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 2.00 GiB\n");

        Assert.Equal("torch.OutOfMemoryError", report.Traceback?.ExceptionType);
        Assert.Equal(2, report.Runs?.Count);
    }

    [Fact]
    public void A_launch_that_printed_no_failure_after_a_failed_one_leaves_the_failed_run_the_root()
    {
        var report = Analyze.Text(
            "nohup: ignoring input\n"
            + "Traceback (most recent call last):\n  File \"train.py\", line 3, in <module>\n    main()\n"
            + "KeyError: 'model'\n"
            + "nohup: ignoring input\n"
            + "epoch 1 loss 0.3\n");

        Assert.Equal("KeyError", report.Traceback?.ExceptionType);
        Assert.Null(report.Runs);
    }

    [Fact]
    public void A_log_of_one_run_has_no_runs_and_its_json_no_runs_field()
    {
        var report = Analyze.Text(
            "nohup: ignoring input\nTraceback (most recent call last):\n  File \"train.py\", line 3, in <module>\n    main()\nKeyError: 'model'\n");

        Assert.Null(report.Runs);
        Assert.DoesNotContain("\"runs\"", ReportJson.Serialize(report), StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_death_reported_twice_in_one_run_is_one_death_but_deaths_of_two_runs_are_two()
    {
        var report = Analyze.Text(
            "Killed\nexit status 137\n"
            + "nohup: ignoring input\n"
            + "Killed\n");

        Assert.Equal([1L, 4L], report.Tracebacks.Where(t => t.Kind == "signal").Select(t => t.FirstLine));
        Assert.Equal((4L, 1), (report.Traceback?.FirstLine, report.Traceback?.Count));
    }
}
