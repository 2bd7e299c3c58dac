using ErrorTrace.Core.Rendering;
using ErrorTrace.Core.Reports;

namespace ErrorTrace.Cli.Tests;

public class MarkdownReportTests
{
    [Fact]
    public void Has_heading_summary_table_and_pytb_block()
    {
        var md = MarkdownReport.Render(Reports.Full);

        Assert.StartsWith("## errortrace: job `123`\n", md);
        Assert.Contains("| Status | failed |", md);
        Assert.Contains("| Category | `oom_training` (high confidence) |", md);
        Assert.Contains("| Root cause | `torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 4.18 GiB` |", md);
        Assert.Contains("| Where | line 4, ranks 0-3, 4 times |", md);
        Assert.Contains("```pytb\nTraceback (most recent call last):\n", md);
        Assert.Contains("torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 4.18 GiB\n```\n", md);
        Assert.Contains("- Reduce the per-device batch size", md);
    }

    [Fact]
    public void Escapes_pipes_in_the_groups_table()
    {
        var md = MarkdownReport.Render(Reports.Full);

        var row = md.Split('\n').Single(line => line.StartsWith("| warning |", StringComparison.Ordinal));
        Assert.Contains("grad norm is nan \\| skipping step", row);
        // Six cells: an unescaped pipe would have made seven.
        Assert.Equal(7, row.Replace("\\|", "", StringComparison.Ordinal).Count(c => c == '|'));
    }

    [Fact]
    public void Fence_is_longer_than_any_backtick_run_in_the_traceback()
    {
        var report = Reports.Full with
        {
            Traceback = Reports.Oom with { Raw = "Traceback (most recent call last):\nValueError: bad markdown ````python\n```" },
        };

        var md = MarkdownReport.Render(report);

        Assert.Contains("`````pytb\n", md);
        Assert.Contains("\n`````\n", md);
    }

    [Fact]
    public void Long_messages_are_cut_and_analysis_is_included()
    {
        var md = MarkdownReport.Render(Reports.Full);

        Assert.Contains("…", md);
        Assert.DoesNotContain(new string('x', MarkdownReport.MaxMessageChars), md);
        Assert.Contains("### Analysis", md);
        Assert.Contains("Rule: `cuda_oom`", md);
        Assert.Contains("10: torch.OutOfMemoryError", md);
        Assert.Contains("### Other tracebacks", md);
        Assert.Contains("`SIGKILL: worker 3 killed`", md);
    }

    [Fact]
    public void Report_without_traceback_says_so()
    {
        var md = MarkdownReport.Render(new ErrorReport { JobId = "1", Status = "completed" });

        Assert.Contains("No traceback or fatal error was found", md);
        Assert.DoesNotContain("```pytb", md);
    }

    [Theory]
    [InlineData("a|b", "`a\\|b`")]
    [InlineData("use `x`", "`` use `x` ``")]
    [InlineData("`x", "`` `x ``")]
    public void Code_spans_survive_pipes_and_backticks(string text, string expected) =>
        Assert.Equal(expected, MarkdownText.Code(text));

    [Fact]
    public void Inline_text_escapes_markdown_and_html() =>
        Assert.Equal("\\<br\\> \\*a\\_b\\* \\[x\\]<br>y", MarkdownText.Inline("<br> *a_b* [x]\ny"));

    [Fact]
    public void A_log_of_several_runs_gets_a_runs_table_after_the_traceback()
    {
        var md = MarkdownReport.Render(Reports.SeveralRuns);

        Assert.Contains("### Runs\n\n4 runs in this log; the root cause is from run 3 (listed: those that failed, and the last).\n\n| Run | Lines | Started by | Failed with |\n", md);
        Assert.Contains("| 1 | lines 1–200 | — | `ValueError: bad shard header (line 150)` |\n", md);
        Assert.Contains("| 3 (root cause) | lines 451–900 | torchrun | `SIGKILL: Killed (line 880)` |\n", md);
        Assert.Contains("| 4 | lines 901–950 | nohup | no failure |\n", md);
        Assert.True(md.IndexOf("### Root-cause traceback", StringComparison.Ordinal) < md.IndexOf("### Runs", StringComparison.Ordinal));
        Assert.True(md.IndexOf("### Runs", StringComparison.Ordinal) < md.IndexOf("### Errors and warnings", StringComparison.Ordinal));
        Assert.DoesNotContain("### Runs", MarkdownReport.Render(Reports.Full));
    }

    [Fact]
    public void A_log_of_hundreds_of_runs_lists_the_last_ones()
    {
        var md = MarkdownReport.Render(Reports.ManyRuns(300));

        Assert.Contains($"…and {300 - MarkdownReport.MaxRunRows} earlier failed runs", md);
        Assert.Contains("| 300 (root cause) |", md);
        Assert.DoesNotContain("| 1 | lines 1–100 |", md);
        Assert.Contains("| 281 | lines 28001–28100 |", md);
    }
}
