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
}
