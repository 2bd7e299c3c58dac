using ErrorTrace.Core.Reports;

namespace ErrorTrace.Core.Tests.Engine;

/// <summary>VS Code's Python debugger (debugpy) stopped on an uncaught exception: "Exception has occurred: T", the
/// message, then CPython's frame lines with the raising frame first. Forms from mmcv-2201, querydet-46, ultralytics-776,
/// yolov5-13610, goliath-23 and bark-51 of the real-log corpus.</summary>
public class DebuggerExceptionTests
{
    private const string FocalLoss =
        "Exception has occurred: RuntimeError\n"
        + "CUDA error: no kernel image is available for execution on the device\n"
        + "For debugging consider passing CUDA_LAUNCH_BLOCKING=1.\n"
        + "  File \"/root/mmcv/mmcv/ops/focal_loss.py\", line 60, in forward\n"
        + "    ext_module.sigmoid_focal_loss_forward(\n"
        + "  File \"/root/mmdetection/mmdet/models/losses/focal_loss.py\", line 139, in sigmoid_focal_loss\n"
        + "    loss = _sigmoid_focal_loss(pred.contiguous(), target.contiguous(), gamma,\n"
        + "  File \"/root/mmdetection/tools/train.py\", line 233, in <module>\n";

    [Fact]
    public void The_type_the_message_and_the_frames_innermost_last()
    {
        var root = Assert.IsType<TracebackInfo>(Analyze.Text(FocalLoss).Traceback);

        Assert.Equal(("RuntimeError", 1L), (root.ExceptionType, root.ExceptionLine));
        Assert.StartsWith("CUDA error: no kernel image", root.ExceptionMessage, StringComparison.Ordinal);
        Assert.Equal(["<module>", "sigmoid_focal_loss", "forward"], root.Frames.Select(f => f.Function));
        Assert.Equal(("/root/mmcv/mmcv/ops/focal_loss.py", 60, "ext_module.sigmoid_focal_loss_forward("), (root.Frames[^1].File, root.Frames[^1].Line, root.Frames[^1].Code));
    }

    [Theory]
    [InlineData("`Exception has occurred: OSError       (note: full exception trace is shown but execution is paused at: <module>)\n[WinError 1455] The paging file is too small for this operation to complete.`\n", "OSError")]
    [InlineData("Exception has occurred: AssertionError：\ntrain: No labels found in D:\\Yolo\\train.cache, can not start training.\n", "AssertionError")]
    [InlineData("ImportError       (note: full exception trace is shown but execution is paused at: _run_module_as_main)\n/ext/sgutilslib.so: undefined symbol: _ZN3c104cuda9SetDeviceEi\n", "ImportError")]
    public void The_note_a_full_width_colon_or_a_lost_first_words_still_name_the_type(string log, string type)
    {
        var root = Assert.IsType<TracebackInfo>(Analyze.Text(log).Traceback);

        Assert.Equal((type, 0), (root.ExceptionType, root.Frames.Count));
    }

    [Fact]
    public void The_exception_line_pasted_after_it_gives_the_qualified_name()
    {
        var report = Analyze.Text(
            "Exception has occurred: OutOfMemoryError\n"
            + "CUDA out of memory. Tried to allocate 16.00 MiB\n"
            + "  File \"C:\\Code\\audio test.py\", line 8, in <module>\n"
            + "    audio_array = generate_audio(text_prompt)\n"
            + "torch.cuda.OutOfMemoryError: CUDA out of memory. Tried to allocate 16.00 MiB\n");

        var root = Assert.IsType<TracebackInfo>(report.Traceback);
        Assert.Equal(("torch.cuda.OutOfMemoryError", "<module>"), (root.ExceptionType, root.Frames[^1].Function));
        Assert.Single(report.Tracebacks);
    }

    [Theory]
    [InlineData("Exception has occurred: the file was not found\n")]
    [InlineData("an Exception has occurred: RuntimeError\n")]
    public void Prose_is_no_exception(string log)
    {
        Assert.DoesNotContain(Analyze.Text(log).Tracebacks, t => t.ExceptionType == "RuntimeError" || t.ExceptionMessage.Contains("file was not found", StringComparison.Ordinal));
    }
}
