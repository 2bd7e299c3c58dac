using ErrorTrace.Core.Reports;

namespace ErrorTrace.Core.Tests.Engine;

/// <summary>An uncaught C++ exception as Yandex util's terminate handler prints it (CatBoost's GPU trainer), wordings from
/// catboost-302 and catboost-405 of the real-log corpus.</summary>
public class UncaughtExceptionTests
{
    private const string Report =
        "uncaught exception:\n"
        + "    address -> 0x107a02288\n"
        + "    what() -> \"catboost/cuda/cuda_lib/memory_pool/stack_like_memory_pool.h:294: Error: Out of memory. Requested 1070.546387; Free 1010.952393\"\n"
        + "    type -> NCudaLib::TOutOfMemoryError\n";

    [Fact]
    public void The_type_and_what_text_are_the_failure()
    {
        var report = Analyze.Text("Random seed 1000\n" + Report);

        var root = Assert.IsType<TracebackInfo>(report.Traceback);
        Assert.Equal(("cpp", "NCudaLib::TOutOfMemoryError"), (root.Kind, root.ExceptionType));
        Assert.Equal("catboost/cuda/cuda_lib/memory_pool/stack_like_memory_pool.h:294: Error: Out of memory. Requested 1070.546387; Free 1010.952393", root.ExceptionMessage);
        Assert.Equal(2, root.FirstLine);
    }

    [Fact]
    public void The_shells_abort_report_after_it_is_the_same_death()
    {
        var report = Analyze.Text(
            "Application terminated with error: (NCudaLib::TOutOfMemoryError) catboost/cuda/cuda_lib/memory_pool/stack_like_memory_pool.h:294: Error: Out of memory.\n"
            + Report
            + "Aborted (core dumped)\n");

        Assert.Equal("NCudaLib::TOutOfMemoryError", report.Traceback?.ExceptionType);
    }

    [Fact]
    public void A_what_text_over_several_lines_is_read_to_its_closing_quote()
    {
        var report = Analyze.Text(
            "uncaught exception:\n"
            + "    address -> 0x1\n"
            + "    what() -> \"first line\n"
            + "second line\"\n"
            + "    type -> std::runtime_error\n");

        var root = Assert.IsType<TracebackInfo>(report.Traceback);
        Assert.Equal(("std::runtime_error", "first line\nsecond line"), (root.ExceptionType, root.ExceptionMessage));
    }

    [Theory]
    [InlineData("uncaught exception:\nnothing more\n")]
    [InlineData("the handler reported an uncaught exception: see above\n")]
    public void A_header_alone_or_in_prose_is_no_failure(string text) => Assert.Null(Analyze.Text(text).Traceback);
}
