using ErrorTrace.Core.Reports;

namespace ErrorTrace.Core.Tests.Engine;

/// <summary>TensorFlow's C++ log lines put a colon straight after the timestamp
/// (<c>2021-04-14 10:22:36.118770: I tensorflow/…</c>); reading that colon as a header word threw.</summary>
public class TimestampColonLineTests
{
    [Theory]
    [InlineData("2021-04-14 10:22:36.118770: I tensorflow/stream_executor/dso_loader.cc:152] successfully opened CUDA library libcublas.so.10.0 locally\n")]
    [InlineData("(pid=5131) 2021-04-14 10:22:36.118770: W tensorflow/core/common_runtime/bfc_allocator.cc:277] ****\n")]
    [InlineData("2021-04-14 10:22:36.118770:\n")]
    [InlineData("2021-04-14 10:22:36.118770: : :\n")]
    public void A_colon_after_the_timestamp_is_read_without_failing(string line)
    {
        var report = Analyze.Text(line);

        Assert.Null(report.Traceback);
    }

    [Fact]
    public void A_traceback_after_tensorflow_lines_is_still_the_root_cause()
    {
        var report = Analyze.Text(
            "2018-05-10 09:14:16.535628: W tensorflow/core/framework/op_kernel.cc:1192] Resource exhausted: OOM when allocating tensor with shape[123008,500]\n"
            + "Traceback (most recent call last):\n"
            + "  File \"tryhard.py\", line 194, in <module>\n"
            + "    Combination = model.fit(X_train, y_train)\n"
            + "tensorflow.python.framework.errors_impl.ResourceExhaustedError: OOM when allocating tensor with shape[123008,500]\n");

        var root = Assert.IsType<TracebackInfo>(report.Traceback);
        Assert.Equal("tensorflow.python.framework.errors_impl.ResourceExhaustedError", root.ExceptionType);
        Assert.Equal("oom_training", report.Analysis?.ErrorType);
    }
}
