namespace ErrorTrace.Core.Tests.Engine;

/// <summary>A log whose only sign of death is a line (an NCCL watchdog's timeout logged by ProcessGroupNCCL) is a failed
/// job, summarised by that line; an error line that is not fatal by itself leaves the job completed.</summary>
public class FatalLineTests
{
    private const string Watchdog =
        "[2025-12-10 03:58:20] [__main__] [INFO] [SFT] step 10/100 loss=1.234\n" +
        "[rank3]:[E1210 03:58:22.123456789 ProcessGroupNCCL.cpp:616] [Rank 3] Watchdog caught collective operation timeout: " +
        "WorkNCCL(SeqNum=4471, OpType=ALLREDUCE, NumelIn=1, NumelOut=1, Timeout(ms)=600000) ran for 600054 milliseconds before timing out.\n";

    [Fact]
    public void A_watchdog_timeout_alone_fails_the_job_and_summarises_it()
    {
        var report = Analyze.Text(Watchdog);

        Assert.Null(report.Traceback);
        Assert.Equal("failed", report.Status);
        Assert.Equal("timeout", report.Analysis!.ErrorType);
        Assert.Equal("timeout-collective", report.Analysis.RuleId);
        Assert.StartsWith("[Rank 3] Watchdog caught collective operation timeout: WorkNCCL(SeqNum=4471", report.ErrorSummary, StringComparison.Ordinal);
        Assert.EndsWith("(rank 3)", report.ErrorSummary, StringComparison.Ordinal);
    }

    [Fact]
    public void The_jobs_database_status_and_summary_still_win()
    {
        var report = Analyze.Text(Watchdog, new() { JobId = "t", Status = "running", ErrorSummary = "still going" });

        Assert.Equal("running", report.Status);
        Assert.Equal("still going", report.ErrorSummary);
    }

    [Fact]
    public void An_error_line_that_is_not_fatal_leaves_the_job_completed()
    {
        var report = Analyze.Text(
            "[2025-12-10 03:58:20] [__main__] [ERROR] [PreTokenize] Cannot use chat template functions because tokenizer.chat_template is not set\n" +
            "[2025-12-10 03:58:21] [__main__] [INFO] [SFT] step 10/100 loss=1.234\n");

        Assert.Equal("config_error", report.Analysis!.ErrorType);
        Assert.Equal("completed", report.Status);
        Assert.Null(report.ErrorSummary);
    }
}
