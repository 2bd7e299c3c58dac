using ErrorTrace.Cli.Rendering;
using ErrorTrace.Core.Reports;

namespace ErrorTrace.Cli.Tests;

public class TextReportRendererTests
{
    private static string Render(ErrorReport report, int width = 100, bool colour = false)
    {
        using var writer = new StringWriter { NewLine = "\n" };
        var console = ConsoleFactory.Create(writer, new ConsoleOptions(colour, Interactive: false, width));
        TextReportRenderer.Render(console, report);
        return writer.ToString();
    }

    [Fact]
    public void Shows_header_then_analysis_then_traceback_then_groups_then_log()
    {
        var text = Render(Reports.Full);

        int At(string s) => text.IndexOf(s, StringComparison.Ordinal);
        Assert.True(At("job 123") >= 0, text);
        Assert.True(At("Status   failed") >= 0, text);
        Assert.True(At("Summary  Training process exited with code 1") >= 0, text);
        Assert.True(At("Analysis") < At("Root cause"), text);
        Assert.True(At("Root cause") < At("Errors and warnings"), text);
        Assert.True(At("Errors and warnings") < At("Other tracebacks"), text);
        Assert.True(At("Other tracebacks") < At("Log  logs/job_123.log"), text);
    }

    [Fact]
    public void Analysis_has_category_suggestions_rule_and_evidence_with_line_numbers()
    {
        var text = Render(Reports.Full);

        Assert.Contains("Category    oom_training", text);
        Assert.Contains("Confidence  high", text);
        Assert.Contains("Rule        cuda_oom", text);
        Assert.Contains("• Reduce the per-device batch size", text);
        // "[rank0]" is log text, not Spectre markup.
        Assert.Contains("10 │ torch.OutOfMemoryError: CUDA out of memory. [rank0]", text);
    }

    [Fact]
    public void Traceback_shows_chain_separators_frames_and_ranks()
    {
        var text = Render(Reports.Full);

        Assert.Contains("line 4, ranks 0-3, 4 times", text);
        Assert.Contains("torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 4.18 GiB", text);
        Assert.Contains("ValueError: bad shard header", text);
        Assert.Contains("The above exception was the direct cause of the following exception:", text);
        Assert.Contains("During handling of the above exception, another exception occurred:", text);
        Assert.Contains("File \"/app/train.py\", line 108, in main", text);
        // Innermost frame last: the library frame comes after the user's, and the exception line after both.
        var lastFrame = text.LastIndexOf("_call_impl", StringComparison.Ordinal);
        Assert.True(text.IndexOf("/app/train.py", StringComparison.Ordinal) < lastFrame);
        Assert.True(lastFrame < text.LastIndexOf("torch.OutOfMemoryError", StringComparison.Ordinal));
    }

    [Fact]
    public void Library_frames_are_dimmed_in_colour()
    {
        var text = Render(Reports.Full, colour: true);

        var library = text.Split('\n').First(line => line.Contains("site-packages", StringComparison.Ordinal));
        var user = text.Split('\n').First(line => line.Contains("/app/train.py", StringComparison.Ordinal));
        Assert.Contains("\u001b[2m", library); // SGR 2 = dim
        Assert.DoesNotContain("\u001b[2m", user);
    }

    [Theory]
    [InlineData(80)]
    [InlineData(140)]
    public void Group_rows_fit_the_width(int width)
    {
        var text = Render(Reports.Full, width);

        var table = text[text.IndexOf("Errors and warnings", StringComparison.Ordinal)..text.IndexOf("Other tracebacks", StringComparison.Ordinal)];
        Assert.All(table.Split('\n'), line => Assert.True(line.Length <= width, $"{line.Length} > {width}: {line}"));
        Assert.Contains("…", table);
        Assert.Contains("grad norm is nan | skipping step", table);
        // Narrow terminals drop the ranks column to keep the message readable.
        Assert.Equal(width > 100, table.Contains("0, 1", StringComparison.Ordinal));
    }

    [Fact]
    public void Report_without_findings_says_so()
    {
        var text = Render(new ErrorReport { JobId = "1", Status = "completed" });

        Assert.Contains("No traceback or fatal error was found", text);
        Assert.DoesNotContain("Errors and warnings", text);
    }

    [Fact]
    public void A_log_of_several_runs_lists_them_after_the_root_cause_and_marks_the_roots_run()
    {
        var text = Render(Reports.SeveralRuns, width: 120);

        int At(string s) => text.IndexOf(s, StringComparison.Ordinal);
        Assert.Contains("Runs  4 runs in this log; the root cause is from run 3 (listed: those that failed, and the last)", text);
        Assert.Contains("  run 1  lines 1–200              ValueError: bad shard header (line 150)", text);
        Assert.Contains("▸ run 3  lines 451–900  torchrun  SIGKILL: Killed (line 880)", text);
        Assert.Contains("  run 4  lines 901–950  nohup     no failure", text);
        Assert.True(At("Root cause") < At("Runs  4 runs"), text);
        Assert.True(At("Runs  4 runs") < At("Errors and warnings"), text);
    }

    [Fact]
    public void A_log_of_one_run_has_no_runs_section()
    {
        Assert.DoesNotContain("Runs ", Render(Reports.Full));
    }

    [Fact]
    public void Hundreds_of_runs_show_the_last_ones_and_say_how_many_are_left_out()
    {
        var text = Render(Reports.ManyRuns(300), width: 120);

        Assert.Contains("Runs  300 runs in this log; the root cause is from run 300", text);
        Assert.Contains($"… {300 - RunsSection.MaxRuns} earlier failed runs", text);
        Assert.Contains("▸ run 300", text);
        Assert.Contains("  run 291", text);
        Assert.DoesNotContain("  run 290 ", text);
    }
}
