using ErrorTrace.Core.Reports;

namespace ErrorTrace.Core.Tests.Engine;

/// <summary>TensorFlow 1's closing line for a failed op, <c>Type (see above for traceback): message</c>, read as the
/// exception when a paste kept only it.</summary>
public class OpErrorSummaryLineTests
{
    [Fact]
    public void The_summary_line_alone_names_the_exception()
    {
        var report = Analyze.Text(
            "step 100, loss 2.31\n"
            + "UnknownError (see above for traceback): ncclCommInitRank failed: unhandled system error\n"
            + "\t [[node Allreduce_7 = HorovodAllreduce[T=DT_FLOAT]]]\n");

        var root = Assert.IsType<TracebackInfo>(report.Traceback);
        Assert.Equal(("UnknownError", "ncclCommInitRank failed: unhandled system error"), (root.ExceptionType, root.ExceptionMessage));
        Assert.Equal(2, root.ExceptionLine);
    }

    [Fact]
    public void An_indented_summary_line_counts_too()
    {
        var report = Analyze.Text("    ResourceExhaustedError (see above for traceback): OOM when allocating tensor with shape[64,3,224,224]\n");

        Assert.Equal("ResourceExhaustedError", report.Traceback?.ExceptionType);
    }

    [Fact]
    public void The_traceback_above_it_stays_the_root_cause()
    {
        var report = Analyze.Text(
            "Traceback (most recent call last):\n"
            + "  File \"train.py\", line 40, in <module>\n"
            + "    sess.run(train_op)\n"
            + "tensorflow.python.framework.errors_impl.ResourceExhaustedError: OOM when allocating tensor with shape[64,512]\n"
            + "\n"
            + "Caused by op 'dense/MatMul', defined at:\n"
            + "  File \"train.py\", line 12, in <module>\n"
            + "    logits = model(x)\n"
            + "\n"
            + "ResourceExhaustedError (see above for traceback): OOM when allocating tensor with shape[64,512]\n");

        var root = Assert.IsType<TracebackInfo>(report.Traceback);
        Assert.Equal("tensorflow.python.framework.errors_impl.ResourceExhaustedError", root.ExceptionType);
        Assert.Equal("<module>", root.Frames[^1].Function);
    }

    [Fact]
    public void Horovods_shutdown_summary_is_another_ranks_failure_not_a_root_of_its_own()
    {
        var report = Analyze.Text(
            "E tensorflow/stream_executor/cuda/cuda_driver.cc:806] failed to allocate 512.00M (536870912 bytes) from device: CUDA_ERROR_OUT_OF_MEMORY: out of memory\n"
            + "AbortedError (see above for traceback): Horovod has been shut down. This was caused by an exception on one of the ranks or an attempt to allreduce a tensor after one of the ranks finished execution.\n");

        Assert.DoesNotContain(report.Tracebacks, t => t.ExceptionType == "AbortedError");
    }

    [Fact]
    public void Prose_that_says_see_above_for_traceback_is_not_an_exception()
    {
        var report = Analyze.Text("the job failed, please see above for traceback (see above for traceback): nothing here\n");

        Assert.Null(report.Traceback);
    }
}
