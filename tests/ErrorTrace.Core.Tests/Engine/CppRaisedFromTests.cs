using ErrorTrace.Core.Reports;

namespace ErrorTrace.Core.Tests.Engine;

/// <summary>c10's <c>Exception raised from f at file:line</c> stacks: the innermost frame of a C++ failure, with or without
/// the <c>terminate called</c> line (the corpus README's root/frame conventions).</summary>
public class CppRaisedFromTests
{
    private const string Watchdog =
        "[rank5]:[E901 05:20:03.446595912 ProcessGroupNCCL.cpp:1899] [PG ID 0 PG GUID 0(default_pg) Rank 5] Process group watchdog thread terminated with exception: [Rank 5] Watchdog caught collective operation timeout: WorkNCCL(SeqNum=460631, OpType=ALLREDUCE, NumelIn=1, NumelOut=1, Timeout(ms)=600000) ran for 600051 milliseconds before timing out.\n"
        + "Exception raised from checkTimeout at /pytorch/torch/csrc/distributed/c10d/ProcessGroupNCCL.cpp:635 (most recent call first):\n"
        + "frame #0: c10::Error::Error(c10::SourceLocation, std::string) + 0x98 (0x7fec075785e8 in /usr/lib/python3.11/dist-packages/torch/lib/libc10.so)\n"
        + "frame #1: c10d::ProcessGroupNCCL::WorkNCCL::checkTimeout(std::optional<std::chrono::duration<long, std::ratio<1l, 1000l> > >) + 0x23d (0x7febb1fcba6d in /usr/lib/python3.11/dist-packages/torch/lib/libtorch_cuda.so)\n";

    [Fact]
    public void A_watchdog_record_s_stack_without_a_terminate_line_is_a_failure_without_a_type()
    {
        var report = Analyze.Text(Watchdog);

        var root = Assert.IsType<TracebackInfo>(report.Traceback);
        Assert.Equal(("cpp", ""), (root.Kind, root.ExceptionType));
        Assert.Equal(("/pytorch/torch/csrc/distributed/c10d/ProcessGroupNCCL.cpp", 635, "checkTimeout"),
            (root.Frames[^1].File, root.Frames[^1].Line, root.Frames[^1].Function));
        Assert.Contains("Watchdog caught collective operation timeout", report.ErrorSummary, StringComparison.Ordinal);
    }

    [Fact]
    public void A_line_without_a_location_opens_nothing()
    {
        var report = Analyze.Text("Exception raised from\nframe #0: c10::Error::Error() + 0x98 (0x7fec075785e8 in libc10.so)\n");

        Assert.Null(report.Traceback);
    }

    [Fact]
    public void A_rethrow_s_stack_after_a_blank_line_keeps_the_first_location()
    {
        var report = Analyze.Text(
            "terminate called after throwing an instance of 'c10::DistBackendError'\n"
            + "  what():  [PG 0 Rank 1] Process group watchdog thread terminated with exception: [Rank 1] Watchdog caught collective operation timeout: WorkNCCL(SeqNum=1, OpType=ALLREDUCE) ran for 600004 milliseconds before timing out.\n"
            + "Exception raised from checkTimeout at ../torch/csrc/distributed/c10d/ProcessGroupNCCL.cpp:565 (most recent call first):\n"
            + "frame #0: c10::Error::Error(c10::SourceLocation, std::string) + 0x57 (0x7f in /torch/lib/libc10.so)\n"
            + "\n"
            + "Exception raised from ncclCommWatchdog at ../torch/csrc/distributed/c10d/ProcessGroupNCCL.cpp:1418 (most recent call first):\n"
            + "frame #0: c10::Error::Error(c10::SourceLocation, std::string) + 0x57 (0x7f in /torch/lib/libc10.so)\n"
            + "frame #1: <unknown function> + 0x10c (0x7f in /torch/lib/libtorch_cuda.so)\n"
            + "\n");

        var root = Assert.IsType<TracebackInfo>(report.Traceback);
        Assert.Single(report.Tracebacks);
        Assert.Equal(("c10::DistBackendError", "checkTimeout"), (root.ExceptionType, root.Frames[^1].Function));
        Assert.Equal(2, root.Frames.Count);
    }

    [Fact]
    public void A_typed_abort_beats_a_stack_without_a_type()
    {
        var report = Analyze.Text(
            Watchdog
            + "\n"
            + "terminate called after throwing an instance of 'c10::DistBackendError'\n"
            + "  what():  [PG 0 Rank 5] Process group watchdog thread terminated with exception: [Rank 5] Watchdog caught collective operation timeout\n"
            + "Exception raised from checkTimeout at /pytorch/torch/csrc/distributed/c10d/ProcessGroupNCCL.cpp:635 (most recent call first):\n");

        var root = Assert.IsType<TracebackInfo>(report.Traceback);
        Assert.Equal(("c10::DistBackendError", "checkTimeout"), (root.ExceptionType, root.Frames[^1].Function));
    }
}
