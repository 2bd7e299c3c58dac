using ErrorTrace.Core.Reports;

namespace ErrorTrace.Core.Tests.Engine;

/// <summary>A printout re-indented as a whole except its first line (a header glued after a label or a progress bar, a
/// paste that indented every later line): the exception line sits between the header's margin and the frames', two
/// columns outside the frames as CPython prints it, and is the part's exception line, not a source line.</summary>
public class ReindentedExceptionLineTests
{
    [Fact]
    public void An_exception_line_outside_the_frames_after_a_labelled_header_is_the_exception()
    {
        var report = Analyze.Text(
            "  traceback : Traceback (most recent call last):\n"
            + "    File \"/src/cosyvoice/llm/llm.py\", line 341, in prepare_lm_input_target\n"
            + "      this_lm_target = torch.tensor(speech_token[i].tolist())\n"
            + "  TypeError: 'NoneType' object is not subscriptable\n");

        var root = Assert.IsType<TracebackInfo>(report.Traceback);
        Assert.Equal(("TypeError", "'NoneType' object is not subscriptable"), (root.ExceptionType, root.ExceptionMessage));
        Assert.Equal("prepare_lm_input_target", root.Frames[^1].Function);
    }

    [Fact]
    public void A_header_glued_to_a_bar_with_the_rest_indented_keeps_its_exception()
    {
        var report = Analyze.Text(
            "      0%|          | 0/392 [00:00<?, ?it/s]Traceback (most recent call last):\n"
            + "      File \"train.py\", line 110, in <module>\n"
            + "        train_model(params)\n"
            + "      File \"/env/allennlp/training/trainer.py\", line 323, in _train_epoch\n"
            + "        raise ValueError(\"nan loss encountered\")\n"
            + "    ValueError: nan loss encountered\n");

        var root = Assert.IsType<TracebackInfo>(report.Traceback);
        Assert.Equal("ValueError", root.ExceptionType);
        Assert.Equal(("/env/allennlp/training/trainer.py", "_train_epoch"), (root.Frames[^1].File, root.Frames[^1].Function));
    }

    [Fact]
    public void A_paste_indented_after_its_first_line_keeps_the_chain()
    {
        var report = Analyze.Text(
            "Traceback (most recent call last):\n"
            + "   File \"/py/ctypes/__init__.py\", line 376, in __init__\n"
            + "     self._handle = _dlopen(self._name, mode)\n"
            + "                    ^^^^^^^^^^^^^^^^^^^^^^^^^\n"
            + " OSError: /lib/libtbe_adapter.so: undefined symbol: _ZN3Mki2Dl\n"
            + " \n"
            + " The above exception was the direct cause of the following exception:\n"
            + " \n"
            + " Traceback (most recent call last):\n"
            + "   File \"/vllm/worker/worker_base.py\", line 248, in init_worker\n"
            + "     self.worker = worker_class(**kwargs)\n"
            + " ImportError: cannot load the adapter\n");

        var root = Assert.IsType<TracebackInfo>(report.Traceback);
        Assert.Equal("OSError", Assert.Single(root.Chain).ExceptionType);
        Assert.Equal("ImportError", root.ExceptionType);
    }

    [Fact]
    public void A_bare_type_with_a_paste_s_trailing_spaces_is_the_exception()
    {
        var report = Analyze.Text(
            "Traceback (most recent call last):\n"
            + "File \"/lib/mlagents/trainers/buffer.py\", line 39, in extend\n"
            + "self += list(np.array(data))\n"
            + "MemoryError  \n");

        Assert.Equal("MemoryError", Assert.IsType<TracebackInfo>(report.Traceback).ExceptionType);
    }

    [Fact]
    public void A_word_with_trailing_spaces_that_is_no_exception_name_is_not_the_exception()
    {
        var report = Analyze.Text(
            "Traceback (most recent call last):\n"
            + "My \n"
            + "  File \"/src/preprocess.py\", line 8, in <module>\n"
            + "    sr = int(sys.argv[2])\n"
            + "ValueError: invalid literal for int() with base 10: 'x'\n");

        Assert.Equal("ValueError", Assert.IsType<TracebackInfo>(report.Traceback).ExceptionType);
    }

    /// <summary>Near misses: a line indented as deep as the frames' source is code; a name not named like an exception,
    /// between the margins, is text; a line right after a frame is its source line.</summary>
    [Theory]
    [InlineData("      Note: the loss went up\n")]
    [InlineData("  Note: the loss went up\n")]
    public void Lines_that_are_not_an_exception_line_leave_the_traceback_cut(string last)
    {
        var report = Analyze.Text(
            "  job : Traceback (most recent call last):\n"
            + "    File \"/src/train.py\", line 3, in step\n"
            + "      loss.backward()\n"
            + last);

        Assert.Equal("", Assert.IsType<TracebackInfo>(report.Traceback).ExceptionType);
    }

    [Fact]
    public void A_line_right_after_a_frame_is_its_source_even_when_it_reads_like_an_exception()
    {
        var report = Analyze.Text(
            "  job : Traceback (most recent call last):\n"
            + "    File \"/src/train.py\", line 3, in step\n"
            + "  ValueError: raised here\n");

        var root = Assert.IsType<TracebackInfo>(report.Traceback);
        Assert.Equal("", root.ExceptionType);
        Assert.Equal("ValueError: raised here", root.Frames[^1].Code);
    }
}
