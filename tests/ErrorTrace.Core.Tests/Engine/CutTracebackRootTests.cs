using ErrorTrace.Core.Reports;

namespace ErrorTrace.Core.Tests.Engine;

/// <summary>A log whose only failure is a Python traceback cut before its exception line (an excerpt, a paste that stops):
/// the root is that printout, with no type and its last complete frame innermost (the corpus README's convention of
/// 2026-12-05), and the summary says it was cut and where. Paths and calls as the corpus' excerpts print them.</summary>
public class CutTracebackRootTests
{
    private const string Header = "Traceback (most recent call last):\n";

    private const string OuterFrame =
        "  File \"/data/venv/lib/python3.11/site-packages/boltz/main.py\", line 765, in predict\n"
        + "    trainer.predict(\n";

    private const string InnerFrame =
        "  File \"/data/venv/lib/python3.11/site-packages/pytorch_lightning/trainer/trainer.py\", line 858, in predict\n";

    [Fact]
    public void A_traceback_cut_mid_frame_path_ends_at_its_last_complete_frame()
    {
        var report = Analyze.Text(Header + OuterFrame + "  File \"/data/venv/lib/python3.11/site-packages/pytorch_li");

        var root = Assert.IsType<TracebackInfo>(report.Traceback);
        Assert.Equal("", root.ExceptionType);
        Assert.Equal(("predict", 765), (root.Frames[^1].Function, root.Frames[^1].Line));
        Assert.EndsWith("boltz/main.py", root.Frames[^1].File, StringComparison.Ordinal);
    }

    [Fact]
    public void A_traceback_cut_after_a_frame_s_source_line_ends_at_that_frame()
    {
        var report = Analyze.Text(Header + OuterFrame + InnerFrame + "    return call._call_and_handle_interrupt(\n");

        var root = Assert.IsType<TracebackInfo>(report.Traceback);
        Assert.Equal("", root.ExceptionType);
        Assert.Equal(("predict", 858), (root.Frames[^1].Function, root.Frames[^1].Line));
        Assert.EndsWith("pytorch_lightning/trainer/trainer.py", root.Frames[^1].File, StringComparison.Ordinal);
    }

    [Fact]
    public void The_summary_says_the_traceback_was_cut_and_names_its_last_frame()
    {
        var report = Analyze.Text(Header + OuterFrame + InnerFrame);

        Assert.NotNull(report.ErrorSummary);
        Assert.Contains("cut before its exception line", report.ErrorSummary, StringComparison.Ordinal);
        Assert.Contains("pytorch_lightning/trainer/trainer.py:858 in predict", report.ErrorSummary, StringComparison.Ordinal);
        Assert.DoesNotContain("C++", report.ErrorSummary, StringComparison.Ordinal);
    }

    [Fact]
    public void A_later_complete_traceback_decides_over_a_cut_one()
    {
        var report = Analyze.Text(
            Header + OuterFrame + "  File \"/data/venv/lib/python3.11/site-packages/pytor\n"
            + "epoch 3 step 120 loss 0.41\n"
            + Header
            + "  File \"/data/train.py\", line 12, in main\n"
            + "    model.fit(data)\n"
            + "ValueError: labels must be in [0, 10)\n");

        var root = Assert.IsType<TracebackInfo>(report.Traceback);
        Assert.Equal("ValueError", root.ExceptionType);
        Assert.Equal(("main", 12), (root.Frames[^1].Function, root.Frames[^1].Line));
    }

    [Theory]
    [InlineData("File \"train.py\", line 12 is where the learning rate is set.\n")]
    [InlineData("See File \"train.py\", line 12, in the docs for the schedule.\n")]
    public void Prose_that_looks_like_a_frame_is_no_root(string prose)
    {
        var report = Analyze.Text("epoch 1 step 10 loss 0.9\n" + prose + "epoch 1 step 20 loss 0.8\n");

        Assert.Null(report.Traceback);
    }
}
