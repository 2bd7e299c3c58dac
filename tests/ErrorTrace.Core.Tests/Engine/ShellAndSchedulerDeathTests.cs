using ErrorTrace.Core.Reports;

namespace ErrorTrace.Core.Tests.Engine;

/// <summary>Deaths reported by a shell or a scheduler rather than by the process: a shell's signal report glued to a
/// progress bar, Slurm cancelling a step.</summary>
public class ShellAndSchedulerDeathTests
{
    [Fact]
    public void A_segfault_report_glued_to_a_progress_bar_is_a_sigsegv_death()
    {
        var report = Analyze.Text(
            "    71/272     4.93G      1.98      2.16    0.0963      4.24       237       416:  65%|####2     | 2394/3688 [15:30<08:03,  2.68it/s]Segmentation fault (core dumped)\n");

        var root = Assert.IsType<TracebackInfo>(report.Traceback);
        Assert.Equal(("signal", "SIGSEGV"), (root.Kind, root.ExceptionType));
        Assert.Equal("segfault", report.Analysis?.ErrorType);
    }

    [Theory]
    [InlineData("Worker status: Killed\n")]
    [InlineData("see [the FAQ]Segmentation fault (core dumped) explains this\n")]
    [InlineData("[done]Killed\n")]
    public void Text_before_a_signal_word_that_is_not_a_bar_is_no_death(string line)
    {
        var report = Analyze.Text(line);

        Assert.DoesNotContain(report.Tracebacks, t => t.Kind == "signal");
    }

    [Fact]
    public void A_slurm_time_limit_cancellation_is_a_sigterm_death_classified_as_timeout()
    {
        var report = Analyze.Text(
            "srun: Job step aborted: Waiting up to 32 seconds for job step to finish.\n"
            + "slurmstepd: error: *** STEP 32233190.0 ON nid01934 CANCELLED AT 2020-07-03T02:59:56 DUE TO TIME LIMIT ***\n"
            + "srun: error: nid01934: tasks 2,4-5,7: Terminated\n");

        var root = Assert.IsType<TracebackInfo>(report.Traceback);
        Assert.Equal(("signal", "SIGTERM", 2L), (root.Kind, root.ExceptionType, root.FirstLine));
        Assert.Equal(("timeout", "timeout-scheduler-time-limit"), (report.Analysis?.ErrorType, report.Analysis?.RuleId));
    }

    [Fact]
    public void A_job_cancellation_glued_to_a_progress_bar_is_still_a_death()
    {
        var report = Analyze.Text(
            "Preparing test set...:  46%|████▋     | 31/67 [29:02<35:12, 58.67s/it]slurmstepd: error: *** STEP 6053.0 ON DEL2212S020 CANCELLED AT 2024-04-23T12:18:08 ***\n");

        var root = Assert.IsType<TracebackInfo>(report.Traceback);
        Assert.Equal("SIGTERM", root.ExceptionType);
    }

    [Theory]
    [InlineData("ORDER 1234 CANCELLED AT CUSTOMER REQUEST\n")]
    [InlineData("*** NOTE: runs CANCELLED AT night are retried ***\n")]
    public void Cancelled_at_outside_slurms_frame_is_no_death(string line)
    {
        var report = Analyze.Text(line);

        Assert.DoesNotContain(report.Tracebacks, t => t.Kind == "signal");
    }
}
