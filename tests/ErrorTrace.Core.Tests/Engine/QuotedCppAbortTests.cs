using ErrorTrace.Core.Reports;

namespace ErrorTrace.Core.Tests.Engine;

/// <summary>A C++ abort pasted as a Markdown quote (<c>&gt; terminate called …</c>, <c>&gt;   what():  …</c>,
/// <c>&gt; Exception raised from …</c>): GitHub issues quote logs so, and the quoted text is what libstdc++ and c10
/// printed (Tracebacks/MarkdownQuote).</summary>
public class QuotedCppAbortTests
{
    [Fact]
    public void A_quoted_terminate_line_names_the_type_and_its_what_text()
    {
        var report = Analyze.Text(
            "> terminate called after throwing an instance of 'std::bad_alloc'\n"
            + "> what(): std::bad_alloc\n"
            + "> terminate called recursively\n"
            + "> Aborted (core dumped)\n");

        var root = Assert.IsType<TracebackInfo>(report.Traceback);
        Assert.Equal(("cpp", "std::bad_alloc"), (root.Kind, root.ExceptionType));
        // The what() text goes on to the next blank line, as unquoted (the recursive terminate's line is read with it).
        Assert.StartsWith("std::bad_alloc\n", root.ExceptionMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void A_quoted_stack_keeps_its_raised_from_location_as_the_innermost_frame()
    {
        var report = Analyze.Text(
            "> \n"
            + "> terminate called after throwing an instance of 'c10::DistBackendError'\n"
            + ">   what():  [Rank 6] NCCL watchdog thread terminated with exception: [Rank 6] Watchdog caught collective operation timeout: WorkNCCL(SeqNum=98947, OpType=_ALLGATHER_BASE) ran for 1800133 milliseconds before timing out.\n"
            + "> Exception raised from checkTimeout at ../torch/csrc/distributed/c10d/ProcessGroupNCCL.cpp:525 (most recent call first):\n"
            + "> frame #0: c10::Error::Error(c10::SourceLocation, std::string) + 0x57 (0x7f114b911d87 in /torch/lib/libc10.so)\n"
            + "> frame #1: c10d::ProcessGroupNCCL::WorkNCCL::checkTimeout() + 0x1e6 (0x7f114cab96e6 in /torch/lib/libtorch_cuda.so)\n");

        var root = Assert.IsType<TracebackInfo>(report.Traceback);
        Assert.Equal("c10::DistBackendError", root.ExceptionType);
        Assert.StartsWith("[Rank 6] NCCL watchdog", root.ExceptionMessage, StringComparison.Ordinal);
        Assert.Equal(("../torch/csrc/distributed/c10d/ProcessGroupNCCL.cpp", 525, "checkTimeout"),
            (root.Frames[^1].File, root.Frames[^1].Line, root.Frames[^1].Function));
        Assert.Equal(3, root.Frames.Count);
    }

    [Fact]
    public void Nested_quotes_are_quote_marks_too()
    {
        var report = Analyze.Text(
            "> > terminate called after throwing an instance of 'c10::Error'\n"
            + "> >   what():  CUDA error: an illegal memory access was encountered\n"
            + "> > Exception raised from c10_cuda_check_implementation at ../c10/cuda/CUDAException.cpp:44 (most recent call first):\n");

        var root = Assert.IsType<TracebackInfo>(report.Traceback);
        Assert.Equal(("c10::Error", "c10_cuda_check_implementation"), (root.ExceptionType, root.Frames[^1].Function));
    }

    [Fact]
    public void A_quoted_stack_without_its_terminate_line_is_a_stack_without_a_type()
    {
        var report = Analyze.Text(
            "> Exception raised from checkTimeout at ../torch/csrc/distributed/c10d/ProcessGroupNCCL.cpp:618 (most recent call first):\n"
            + "> frame #0: c10::Error::Error(c10::SourceLocation, std::string) + 0x96 (0x7c9529a8a446 in /torch/lib/libc10.so)\n");

        var root = Assert.IsType<TracebackInfo>(report.Traceback);
        Assert.Equal(("cpp", "", "checkTimeout"), (root.Kind, root.ExceptionType, root.Frames[^1].Function));
    }

    [Fact]
    public void The_paste_s_own_unquoted_line_after_the_quote_ends_the_abort()
    {
        var report = Analyze.Text(
            "> terminate called after throwing an instance of 'std::runtime_error'\n"
            + ">   what():  NCCL error: unhandled system error\n"
            + "This happens every time I start the second node.\n");

        var root = Assert.IsType<TracebackInfo>(report.Traceback);
        Assert.Equal(("std::runtime_error", "NCCL error: unhandled system error"), (root.ExceptionType, root.ExceptionMessage));
    }

    [Fact]
    public void Near_miss_a_quoted_sentence_that_mentions_terminate_is_no_abort()
    {
        var report = Analyze.Text("> the job would terminate called from the launcher, after throwing away the cache\n");

        Assert.Null(report.Traceback);
    }

    [Fact]
    public void Near_miss_an_arrow_before_the_words_is_no_quote()
    {
        var report = Analyze.Text("step 12 -> terminate called after throwing an instance of 'std::bad_alloc'\n");

        Assert.DoesNotContain(report.Tracebacks, t => t.Kind == "cpp");
    }
}
