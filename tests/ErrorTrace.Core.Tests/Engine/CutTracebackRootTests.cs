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

    private const string Watchdog = "[E ProcessGroupNCCL.cpp:737] [Rank 3] Watchdog caught collective operation timeout: "
        + "WorkNCCL(SeqNum=56693, OpType=BROADCAST, Timeout(ms)=1800000) ran for 1804371 milliseconds before timing out.";

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

    [Theory]
    [InlineData("  File \"/data/venv/lib/python3.11/site-packages/torch/_tensor.py\", line 150, in bac")]
    [InlineData("  File \"/data/venv/lib/python3.11/site-packages/torch/_tensor.py\", line 15")]
    [InlineData("  File \"/data/venv/lib/python3.11/site-packages/torch/_tensor.py\", line 150, in")]
    public void A_traceback_cut_inside_its_last_frame_line_ends_at_the_frame_before(string cut)
    {
        var report = Analyze.Text(Header + OuterFrame + "  File \"/data/train.py\", line 325, in train\n    loss.backward()\n" + cut);

        var root = Assert.IsType<TracebackInfo>(report.Traceback);
        Assert.Equal("", root.ExceptionType);
        Assert.Equal(("/data/train.py", "train"), (root.Frames[^1].File, root.Frames[^1].Function));
    }

    [Fact]
    public void A_traceback_cut_inside_its_only_frame_line_is_a_root_without_frames()
    {
        var report = Analyze.Text("epoch 1 step 71\n" + Header + "  File \"/root/train.py\", line 234, in <module");

        var root = Assert.IsType<TracebackInfo>(report.Traceback);
        Assert.Equal("", root.ExceptionType);
        Assert.Empty(root.Frames);
        Assert.NotNull(report.ErrorSummary);
        Assert.Contains("cut before its first frame line ended", report.ErrorSummary, StringComparison.Ordinal);
    }

    [Fact]
    public void A_whole_last_frame_line_stays_the_innermost()
    {
        var report = Analyze.Text(Header + OuterFrame + "  File \"/data/train.py\", line 325, in train\n    loss.backward()\n"
            + "  File \"/data/venv/lib/python3.11/site-packages/torch/_tensor.py\", line 150, in backward");

        Assert.Equal("backward", Assert.IsType<TracebackInfo>(report.Traceback).Frames[^1].Function);
    }

    [Fact]
    public void A_fatal_line_printed_before_a_cut_traceback_is_the_root_and_the_traceback_its_aftermath()
    {
        var report = Analyze.Text(Watchdog + "\n" + Header + OuterFrame + InnerFrame);

        Assert.Null(report.Traceback);
        Assert.Equal("timeout", report.Analysis?.ErrorType);
        Assert.NotNull(report.ErrorSummary);
        Assert.Contains("Watchdog caught collective operation timeout", report.ErrorSummary, StringComparison.Ordinal);
        Assert.Single(report.Tracebacks);
    }

    [Fact]
    public void A_fatal_line_printed_after_a_cut_traceback_leaves_it_the_root()
    {
        var report = Analyze.Text(Header + OuterFrame + InnerFrame + "    return call._call_and_handle_interrupt(\n" + Watchdog + "\n");

        var root = Assert.IsType<TracebackInfo>(report.Traceback);
        Assert.Equal(("", "predict"), (root.ExceptionType, root.Frames[^1].Function));
    }
}
