using ErrorTrace.Core.Reports;

namespace ErrorTrace.Core.Tests.Engine;

/// <summary>IPython 8 prints a module's code without its function: <c>File ~/x/tokenizer_utils.py:1061</c> (ultratb
/// leaves the call out for <c>&lt;module&gt;</c>), where a function's frame reads <c>File ~/x.py:203, in train(opt)</c>.</summary>
public class IPythonModuleFrameTests
{
    private const string ChainedImport =
        "---------------------------------------------------------------------------\n"
        + "SyntaxError                               Traceback (most recent call last)\n"
        + "File ~/anaconda3/envs/unsloth_env/lib/python3.11/site-packages/unsloth/tokenizer_utils.py:1061\n"
        + "   1060 try:\n"
        + "-> 1061     exec(trainer_text, globals())\n"
        + "   1062 except:\n"
        + "\n"
        + "SyntaxError: invalid syntax (<string>, line 4)\n"
        + "\n"
        + "During handling of the above exception, another exception occurred:\n"
        + "\n"
        + "RuntimeError                              Traceback (most recent call last)\n"
        + "Cell In[1], line 1\n"
        + "----> 1 from unsloth import FastLanguageModel\n"
        + "\n"
        + "File ~/anaconda3/envs/unsloth_env/lib/python3.11/site-packages/unsloth/__init__.py:212\n"
        + "--> 212 from .models import *\n"
        + "\n"
        + "RuntimeError: Unsloth: Please file a bug report!\n";

    [Fact]
    public void A_file_and_line_without_a_call_is_the_module_s_frame()
    {
        var report = Analyze.Text(ChainedImport);

        var root = Assert.IsType<TracebackInfo>(report.Traceback);
        var first = Assert.Single(root.Chain[0].Frames);
        Assert.Equal("SyntaxError", root.Chain[0].ExceptionType);
        Assert.Equal(("~/anaconda3/envs/unsloth_env/lib/python3.11/site-packages/unsloth/tokenizer_utils.py", 1061, "<module>", "exec(trainer_text, globals())"),
            (first.File, first.Line, first.Function, first.Code));
        Assert.Equal(("RuntimeError", "<module>"), (root.ExceptionType, root.Frames[^1].Function));
        Assert.EndsWith("unsloth/__init__.py", root.Frames[^1].File, StringComparison.Ordinal);
    }

    [Fact]
    public void A_module_frame_after_a_cell_is_the_innermost()
    {
        var report = Analyze.Text(
            "RuntimeError                              Traceback (most recent call last)\n"
            + "File /workspace/MathNeuro/MathNeuro.py:185\n"
            + "    182 with open(results_path, \"w\") as outfile:\n"
            + "    183     json.dump(results['results'], outfile)\n"
            + "RuntimeError: CUDA error: an illegal memory access was encountered\n");

        var root = Assert.IsType<TracebackInfo>(report.Traceback);
        Assert.Equal(("/workspace/MathNeuro/MathNeuro.py", 185, "<module>"), (root.Frames[^1].File, root.Frames[^1].Line, root.Frames[^1].Function));
    }

    [Theory]
    [InlineData("File size:1024")]
    [InlineData("File ~/data/train.json:12")]
    [InlineData("File ~/x/model.py:12a")]
    [InlineData("File ~/x/model.py:")]
    public void Near_miss_a_file_and_number_that_is_no_python_source_is_no_frame(string line)
    {
        var report = Analyze.Text(
            "ValueError                                Traceback (most recent call last)\n"
            + "Cell In[2], line 3\n"
            + "----> 3 run()\n"
            + "\n"
            + line + "\n"
            + "ValueError: bad value\n");

        Assert.DoesNotContain(report.Tracebacks.SelectMany(t => t.Frames), f => f.Function == "<module>" && f.File != "Cell In[2]");
    }
}
