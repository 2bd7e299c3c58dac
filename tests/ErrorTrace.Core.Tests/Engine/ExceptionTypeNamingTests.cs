using ErrorTrace.Core.Reports;

namespace ErrorTrace.Core.Tests.Engine;

/// <summary>Exception lines printed without a traceback whose type is not named …Error (Tracebacks/ExceptionLine's
/// IsNamedLikeException): a C extension's lower-case <c>module.error</c>, pyarrow's ArrowInvalid, a module-qualified
/// CapWords class. Lines as CPython's <c>format_exception_only</c> prints them, from anomalib-393, smile-factory-4,
/// flashrag-132 and vllm-pr11584 of the real-log corpus.</summary>
public class ExceptionTypeNamingTests
{
    [Theory]
    [InlineData("cv2.error: OpenCV(4.6.0) /io/opencv/modules/imgproc/src/color.cpp:182: error: (-215:Assertion failed) !_src.empty() in function 'cvtColor'", "cv2.error")]
    [InlineData("pyarrow.lib.ArrowInvalid: JSON parse error: Column() changed from object to array in row 0", "pyarrow.lib.ArrowInvalid")]
    [InlineData("ArrowInvalid: JSON parse error: Column(/metadata/o_wiki_title) changed from string to number in row 1232", "ArrowInvalid")]
    [InlineData("triton.runtime.errors.OutOfResources: out of resource: shared memory, Required: 65536, Hardware limit: 49152. Reducing block sizes or `num_stages` may help.", "triton.runtime.errors.OutOfResources")]
    [InlineData("`triton.runtime.autotuner.OutOfResources: out of resource: shared memory, Required: 663808, Hardware limit: 101376. Reducing block sizes or `num_stages` may help.`", "triton.runtime.autotuner.OutOfResources")]
    public void The_exception_line_is_the_failure(string line, string type)
    {
        var report = Analyze.Text("Epoch 1/10\n" + line + "\n");

        var root = Assert.IsType<TracebackInfo>(report.Traceback);
        Assert.Equal((type, 2L), (root.ExceptionType, root.FirstLine));
    }

    [Theory]
    [InlineData("transformers.trainer: using shared memory for the data loader")]
    [InlineData("Usage: shared memory must be at least 1 GiB")]
    [InlineData("Invalid: shared memory size given")]
    [InlineData("note.Assertion failed")]
    public void A_logger_or_label_before_the_words_is_no_exception(string line)
    {
        var report = Analyze.Text(line + "\n");

        Assert.Null(report.Traceback);
    }

    [Theory]
    [InlineData("ValueError", false, true)]
    [InlineData("KeyboardInterrupt", false, false)]
    [InlineData("cv2.error", true, true)]
    [InlineData("cv2.error", false, false)]
    [InlineData("error", true, false)]
    [InlineData("pyarrow.lib.ArrowInvalid", true, true)]
    [InlineData("Invalid", true, false)]
    [InlineData("Transformers.Trainer", true, false)]
    [InlineData("transformers.trainer", true, false)]
    [InlineData("triton.OOR", true, false)]
    public void Which_types_are_named_like_an_exception(string type, bool hasMessage, bool expected) =>
        Assert.Equal(expected, Tracebacks.ExceptionLine.IsNamedLikeException(type, hasMessage));

    /// <summary>torch._dynamo's BackendCompilerFailed prints "backend='inductor' raised:" and the backend's exception on
    /// the next line (chattts-184, modernbert-198, coreweave-ml-containers-64): the wrapper was raised.</summary>
    [Theory]
    [InlineData("torch._dynamo.exc.BackendCompilerFailed: backend='inductor' raised:\nRuntimeError: Cannot find a working triton installation.\n", "torch._dynamo.exc.BackendCompilerFailed")]
    [InlineData("[rank7]: torch._dynamo.exc.BackendCompilerFailed: backend='inductor' raised:\n[rank7]: ImportError: cannot import name 'triton_key' from 'triton.compiler.compiler'\n", "torch._dynamo.exc.BackendCompilerFailed")]
    [InlineData("BackendCompilerFailed: backend='inductor' raised:\nAssertionError: libcuda.so cannot found!\n", "BackendCompilerFailed")]
    public void A_wrapper_that_raised_the_next_line_is_the_failure(string log, string type)
    {
        var root = Assert.IsType<TracebackInfo>(Analyze.Text("    raise RuntimeError(\n" + log).Traceback);

        Assert.Equal(type, root.ExceptionType);
        Assert.StartsWith("backend='inductor' raised:\n", root.ExceptionMessage, StringComparison.Ordinal);
        Assert.EndsWith(log.Split('\n')[1].Replace("[rank7]: ", "", StringComparison.Ordinal), root.ExceptionMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void An_exception_line_after_a_line_that_ends_in_raised_but_is_no_exception_stays_the_failure()
    {
        var root = Assert.IsType<TracebackInfo>(Analyze.Text("the following error was raised:\nRuntimeError: CUDA error: out of memory\n").Traceback);

        Assert.Equal("RuntimeError", root.ExceptionType);
    }
}
