using ErrorTrace.Core.Reports;

namespace ErrorTrace.Core.Tests.Engine;

/// <summary>A death report behind a Markdown quote's marks is the line the paste quoted: the marks are not part of it.</summary>
public class QuotedDeathReportTests
{
    [Theory]
    [InlineData("> 段错误 (核心已转储)", "SIGSEGV")]
    [InlineData("> *** Error in `build/Train': double free or corruption (!prev): 0x000000004da56e70 ***", "SIGABRT")]
    [InlineData(">> Killed", "SIGKILL")]
    public void A_death_report_behind_a_markdown_quote_is_the_death(string line, string signal)
    {
        var root = Assert.IsType<TracebackInfo>(Analyze.Text("> [ITER 2770] Saving Gaussians\n" + line + "\n").Traceback);

        Assert.Equal(("signal", signal, 2L), (root.Kind, root.ExceptionType, root.FirstLine));
    }

    [Theory]
    [InlineData("> The process was killed by the OOM killer last week.")]
    [InlineData("> Segmentation fault handling is described below.")]
    [InlineData(">")]
    public void A_quoted_sentence_is_no_death(string line)
    {
        Assert.DoesNotContain(Analyze.Text("epoch 1 done\n" + line + "\n").Tracebacks, t => t.Kind == "signal");
    }
}
