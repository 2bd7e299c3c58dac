using ErrorTrace.Core.Reports;

namespace ErrorTrace.Core.Tests.Engine;

/// <summary>An exception line retyped or reformatted without the space CPython prints after the colon: the class is still
/// read when it is named like one and the message starts with a letter; prose, URLs, ports and other programs' bare
/// <c>Error:</c> prefix are not.</summary>
public class UnspacedExceptionLineTests
{
    [Theory]
    [InlineData("RuntimeError:CUDA out of memory. Tried to allocate 20.00 MiB (GPU 0; 5.80 GiB total capacity)", "RuntimeError", "CUDA out of memory. Tried to allocate 20.00 MiB (GPU 0; 5.80 GiB total capacity)")]
    [InlineData("ValueError:Network outputs is NAN! Stop Training", "ValueError", "Network outputs is NAN! Stop Training")]
    [InlineData("torch.cuda.OutOfMemoryError:CUDA out of memory.", "torch.cuda.OutOfMemoryError", "CUDA out of memory.")]
    public void The_class_before_a_glued_colon_is_read(string line, string type, string message)
    {
        var report = Analyze.Text("epoch 3\n" + line + "\n");

        var root = Assert.IsType<TracebackInfo>(report.Traceback);
        Assert.Equal((type, message), (root.ExceptionType, root.ExceptionMessage));
    }

    [Fact]
    public void A_traceback_ending_in_an_unspaced_exception_line_ends_there()
    {
        var report = Analyze.Text(
            "Traceback (most recent call last):\n"
            + "  File \"train.py\", line 12, in <module>\n"
            + "    loss.backward()\n"
            + "RuntimeError:cuda error:unspecified launch failure\n");

        var root = Assert.IsType<TracebackInfo>(report.Traceback);
        Assert.Equal(("RuntimeError", "cuda error:unspecified launch failure"), (root.ExceptionType, root.ExceptionMessage));
        Assert.Equal("train.py", root.Frames[^1].File);
    }

    [Theory]
    [InlineData("Error:file not found")]
    [InlineData("MyHostError:8080 refused")]
    [InlineData("see http://example.com/ValueError:docs")]
    [InlineData("loss:nan")]
    [InlineData("cudaError:unknown")]
    public void Text_that_is_no_unspaced_exception_line_is_not_read_as_one(string line)
    {
        var report = Analyze.Text("epoch 3\n" + line + "\n");

        Assert.Null(report.Traceback);
    }
}
