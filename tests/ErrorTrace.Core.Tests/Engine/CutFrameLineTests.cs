using ErrorTrace.Core.Reports;
using ErrorTrace.Core.Tracebacks;

namespace ErrorTrace.Core.Tests.Engine;

/// <summary>The last frame line of a printout that stopped before its exception line, read as cut or whole
/// (<see cref="CutFrameLine"/>), from the frame line's own text and its caller's source line.</summary>
public class CutFrameLineTests
{
    /// <summary>The frame a printout reads from <paramref name="line"/>, with no source line under it.</summary>
    private static TracebackFrame Parse(string line)
    {
        Assert.True(FrameLine.TryParse(line, out var frame));
        return new TracebackFrame { File = frame.File, Line = frame.Line, Function = frame.Function };
    }

    [Theory]
    [InlineData("File \"/opt/venv/lib/python3.8/site-packages/deepspeed/runtime/engine.py\", line 7")]
    [InlineData("File \"/content/colabfold/colabfold.py\", line 209, in")]
    [InlineData("File \"/root/ChatGLM-Finetuning/train.py\", line 234, in <module")]
    [InlineData("File \"/usr/lib/python3.10/site-packages/x.py\", line 12, in <listcomp")]
    public void A_line_that_stops_before_its_function_name_ends_is_cut(string line) =>
        Assert.True(CutFrameLine.IsCut(Parse(line), callerCode: null));

    [Theory]
    [InlineData("loss.backward()", "bac")]
    [InlineData("fabric.clip_gradients(", "clip_g")]
    [InlineData("return self._call_impl(*args, **kwargs)", "_call")]
    public void A_function_the_caller_names_longer_is_cut(string callerCode, string function) =>
        Assert.True(CutFrameLine.IsCut(Parse($"File \"/x/y.py\", line 150, in {function}"), callerCode));

    [Theory]
    [InlineData("loss.backward()", "backward")]
    [InlineData("torch.distributed.broadcast(seed_tensor, src=0)", "wrapper")]
    [InlineData("x = backward_hook(y); backward(z)", "backward")]
    [InlineData(null, "forward")]
    public void A_function_named_whole_or_not_named_by_the_caller_is_kept(string? callerCode, string function) =>
        Assert.False(CutFrameLine.IsCut(Parse($"File \"/x/y.py\", line 150, in {function}"), callerCode));

    [Fact]
    public void A_frame_with_its_source_line_is_kept() =>
        Assert.False(CutFrameLine.IsCut(Parse("File \"train.py\", line 3, in") with { Code = "main()" }, callerCode: null));

    [Theory]
    [InlineData("<module>")]
    [InlineData("<module> sys.exit(main())")]
    public void A_pseudo_name_with_its_bracket_is_kept(string function) =>
        Assert.False(CutFrameLine.IsCut(Parse($"File \"train.py\", line 3, in {function}"), "main()"));
}
