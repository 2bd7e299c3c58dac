using ErrorTrace.Core.Reports;

namespace ErrorTrace.Core.Tests.Engine;

/// <summary>An uncaught C++ exception as LLVM's libc++abi reports it (macOS, so MLX and PyTorch on Apple silicon): one
/// line with the type and what(), then abort(). Wordings from mlx-examples-481, mlx-lm-236 and mlx-examples-70 of the
/// real-log corpus; libc++abi before LLVM 15 said <c>libc++abi.dylib: terminating with uncaught exception of type</c>.</summary>
public class LibcxxAbiAbortTests
{
    [Theory]
    [InlineData("libc++abi: terminating due to uncaught exception of type std::runtime_error: [METAL] Command buffer execution failed: Insufficient Memory (00000008:kIOGPUCommandBufferCallbackErrorOutOfMemory)", "std::runtime_error", "[METAL] Command buffer execution failed: Insufficient Memory (00000008:kIOGPUCommandBufferCallbackErrorOutOfMemory)")]
    [InlineData("libc++abi: terminating due to uncaught exception of type std::runtime_error: [malloc_or_wait] Unable to allocate 12 bytes.", "std::runtime_error", "[malloc_or_wait] Unable to allocate 12 bytes.")]
    [InlineData("libc++abi.dylib: terminating with uncaught exception of type c10::Error: Expected a 'mps' device type for generator", "c10::Error", "Expected a 'mps' device type for generator")]
    [InlineData("libc++abi: terminating due to uncaught exception of type std::bad_alloc", "std::bad_alloc", "")]
    public void The_type_and_what_text_are_the_failure(string line, string type, string message)
    {
        var report = Analyze.Text("Iter 50: Train loss 1.487, Learning Rate 1.000e-05\n" + line + "\n");

        var root = Assert.IsType<TracebackInfo>(report.Traceback);
        Assert.Equal(("cpp", type, message, 2L), (root.Kind, root.ExceptionType, root.ExceptionMessage, root.FirstLine));
    }

    [Theory]
    [InlineData("zsh: abort      mlx_lm.lora --model ./Qwen3-8B --train\n")]
    [InlineData("[1]    31148 abort      python lora.py --model mistral --train\n")]
    [InlineData("Abort trap: 6\n")]
    public void The_shells_abort_report_after_it_is_the_same_death(string shell)
    {
        var report = Analyze.Text(
            "libc++abi: terminating due to uncaught exception of type std::runtime_error: [METAL] Command buffer execution failed: Insufficient Memory\n"
            + shell);

        Assert.Equal("std::runtime_error", report.Traceback?.ExceptionType);
    }

    [Theory]
    [InlineData("libc++abi: terminating\n")]
    [InlineData("the handler reported an uncaught exception of type std::runtime_error: see above\n")]
    public void Without_the_type_or_the_prefix_it_is_no_cpp_failure(string text) =>
        Assert.DoesNotContain(Analyze.Text(text).Tracebacks, t => t.Kind == "cpp");
}
