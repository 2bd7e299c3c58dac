using ErrorTrace.Core.Reports;

namespace ErrorTrace.Core.Tests.Engine;

/// <summary>Crash headers that another writer's output shares a line with: an open progress bar, a rank aborting at
/// the same moment.</summary>
public class GluedAndInterleavedCrashTests
{
    [Fact]
    public void A_faulthandler_header_glued_to_a_progress_bar_opens_the_dump()
    {
        var report = Analyze.Text(
            "Epoch 0: |          | 4540/? [07:57<00:00,  9.51it/s]Fatal Python error: Segmentation fault    \n"
            + "\n"
            + "Current thread 0x00007f58548cf700 (most recent call first):\n"
            + "  File \"/app/train.py\", line 12 in step\n");

        var root = Assert.IsType<TracebackInfo>(report.Traceback);
        Assert.Equal(("faulthandler", "SIGSEGV"), (root.Kind, root.ExceptionType));
        Assert.Equal("step", Assert.Single(root.Frames).Function);
    }

    [Fact]
    public void Prose_before_the_faulthandler_words_does_not_open_a_dump()
    {
        var report = Analyze.Text("the docs say Fatal Python error: Segmentation fault means a C crash\n");

        Assert.DoesNotContain(report.Tracebacks, t => t.Kind == "faulthandler");
    }

    [Fact]
    public void A_cpp_type_cut_by_another_ranks_terminate_line_is_the_type_alone()
    {
        var report = Analyze.Text(
            "terminate called after throwing an instance of 'c10::DistBackendErrorterminate called after throwing an instance of ''\n"
            + "  what():  [Rank 3] Watchdog caught collective operation timeout: WorkNCCL(SeqNum=4, OpType=BROADCAST) ran for 1800011 milliseconds before timing out.\n");

        var root = Assert.IsType<TracebackInfo>(report.Traceback);
        Assert.Equal("c10::DistBackendError", root.ExceptionType);
    }

    [Fact]
    public void Other_ranks_header_fragments_before_what_stay_in_the_abort()
    {
        var report = Analyze.Text(
            "terminate called after throwing an instance of 'c10::DistBackendErrorterminate called after throwing an instance of ''\n"
            + "terminate called after throwing an instance of 'terminate called after throwing an instan\n"
            + "ce of 'c10::DistBackendErrorc10::DistBackendError'\n"
            + "'\n"
            + "  what():  [Rank 3] Watchdog caught collective operation timeout: WorkNCCL(SeqNum=4, OpType=BROADCAST) ran for 1800011 milliseconds before timing out.\n"
            + "Exception raised from checkTimeout at /pytorch/torch/csrc/distributed/c10d/ProcessGroupNCCL.cpp:632 (most recent call first):\n"
            + "frame #0: c10::Error::Error(c10::SourceLocation, std::string) + 0x96 (0x7f5a9616c1b6 in /opt/torch/lib/libc10.so)\n");

        var root = Assert.IsType<TracebackInfo>(report.Traceback);
        Assert.Equal("c10::DistBackendError", root.ExceptionType);
        Assert.StartsWith("[Rank 3] Watchdog caught", root.ExceptionMessage, StringComparison.Ordinal);
        Assert.Equal(("checkTimeout", 632), (root.Frames[^1].Function, root.Frames[^1].Line));
    }

    [Fact]
    public void An_abort_without_what_does_not_swallow_the_lines_after_it()
    {
        var report = Analyze.Text(
            "terminate called without an active exception\n"
            + "Traceback (most recent call last):\n"
            + "  File \"/app/train.py\", line 3, in f\n"
            + "ValueError: later\n");

        Assert.Contains(report.Tracebacks, t => t.ExceptionType == "ValueError");
    }

    [Fact]
    public void A_prefix_glued_before_the_header_is_stripped_from_the_lines_that_repeat_it()
    {
        const string P = "2023-04-29 06:01:12.97{0} [177/train/578 (pid 28936)] ";
        var report = Analyze.Text(
            string.Format(null, P, 7) + "Traceback (most recent call last):\n"
            + string.Format(null, P, 8) + "  File \"/opt/torch/serialization.py\", line 604, in _save\n"
            + string.Format(null, P, 8) + "    zip_file.write_record(name, storage.data_ptr(), num_bytes)\n"
            + string.Format(null, P, 9) + "OSError: [Errno 28] No space left on device\n");

        var root = Assert.IsType<TracebackInfo>(report.Traceback);
        Assert.Equal(("OSError", "[Errno 28] No space left on device"), (root.ExceptionType, root.ExceptionMessage));
        var frame = Assert.Single(root.Frames);
        Assert.Equal(("_save", "zip_file.write_record(name, storage.data_ptr(), num_bytes)"), (frame.Function, frame.Code));
    }

    [Fact]
    public void A_progress_bar_glued_before_the_header_is_not_a_line_prefix()
    {
        var report = Analyze.Text(
            " 45%|████▌     | 45/100 [00:10<00:12, 4.50it/s]Traceback (most recent call last):\n"
            + "  File \"/app/train.py\", line 5, in step\n"
            + "ValueError: bad\n");

        var root = Assert.IsType<TracebackInfo>(report.Traceback);
        Assert.Equal(("ValueError", "step"), (root.ExceptionType, Assert.Single(root.Frames).Function));
    }
}
