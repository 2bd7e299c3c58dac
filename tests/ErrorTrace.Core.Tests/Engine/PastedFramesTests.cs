using ErrorTrace.Core.Reports;

namespace ErrorTrace.Core.Tests.Engine;

/// <summary>CPython tracebacks as pastes and consoles change them: blank lines between frames, an elision before the
/// exception line, carets that lost their indentation, a worker's traceback quoted as an old PyTorch exception's message,
/// a widened line number, an excerpt that starts inside a frame line or inside a rich panel.</summary>
public class PastedFramesTests
{
    [Fact]
    public void Blank_lines_between_frames_and_before_the_exception_line_keep_one_printout()
    {
        var report = Analyze.Text(
            "File \"D:\\gsplat\\examples\\simple_trainer.py\", line 1116, in train\n"
            + "    self.cfg.strategy.step_post_backward(...)\n"
            + "\n"
            + "File \"D:\\gsplat\\gsplat\\strategy\\default.py\", line 263, in _update_state\n"
            + "    grads = grads[sel]\n"
            + "\n"
            + "RuntimeError: CUDA error: no kernel image is available for execution on the device\n");

        var root = Assert.IsType<TracebackInfo>(Assert.Single(report.Tracebacks));
        Assert.Equal(("RuntimeError", 2), (root.ExceptionType, root.Frames.Count));
        Assert.Equal("_update_state", root.Frames[^1].Function);
    }

    [Fact]
    public void A_blank_line_then_prose_ends_the_printout_there()
    {
        var report = Analyze.Text(
            "Traceback (most recent call last):\n"
            + "  File \"train.py\", line 157, in evaluate\n"
            + "    output = model(x)\n"
            + "\n"
            + "epoch 2 started\n");

        var cut = Assert.Single(report.Tracebacks);
        Assert.Equal(("", 1), (cut.ExceptionType, cut.Frames.Count));
        Assert.DoesNotContain("epoch 2", cut.Raw, StringComparison.Ordinal);
    }

    [Fact]
    public void An_elision_before_the_exception_line_and_unindented_carets_are_part_of_the_printout()
    {
        var report = Analyze.Text(
            "  File \"/site-packages/jax/_src/traceback_util.py\", line 179, in reraise_with_filtered_traceback\n"
            + "    return fun(*args, **kwargs)\n"
            + "^^^^^^^^^^^^^^^^^^^^\n"
            + "...\n"
            + "jaxlib.xla_extension.XlaRuntimeError: RESOURCE_EXHAUSTED: Failed to allocate request for 2.99GiB\n");

        var root = Assert.IsType<TracebackInfo>(Assert.Single(report.Tracebacks));
        Assert.Equal(("jaxlib.xla_extension.XlaRuntimeError", "reraise_with_filtered_traceback"), (root.ExceptionType, root.Frames[^1].Function));
    }

    [Theory]
    [InlineData("......")]
    [InlineData("[...]")]
    [InlineData("(...)")]
    [InlineData("\u2026")]
    public void Any_pasted_elision_before_the_exception_line_is_part_of_the_printout(string elision)
    {
        var report = Analyze.Text(
            "Traceback (most recent call last):\n"
            + "  File \"/env/lib/python3.11/site-packages/deepspeed/runtime/hybrid_engine.py\", line 253, in generate\n"
            + "    generate_ret_vals = self._generate(*inputs, **kwargs)\n"
            + "                        ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n"
            + elision + "\n"
            + "RuntimeError: CUDA error: an illegal memory access was encountered\n");

        var root = Assert.IsType<TracebackInfo>(Assert.Single(report.Tracebacks));
        Assert.Equal(("RuntimeError", "generate"), (root.ExceptionType, root.Frames[^1].Function));
    }

    [Theory]
    [InlineData("..")]
    [InlineData("... and then it crashed")]
    public void A_line_that_is_more_than_an_elision_ends_the_printout(string line)
    {
        var report = Analyze.Text(
            "Traceback (most recent call last):\n"
            + "  File \"train.py\", line 253, in generate\n"
            + "    out = self._generate()\n"
            + line + "\n"
            + "RuntimeError: CUDA error: an illegal memory access was encountered\n");

        Assert.DoesNotContain(report.Tracebacks, t => t.ExceptionType == "RuntimeError" && t.Frames.Count > 0);
    }

    [Fact]
    public void An_old_pytorch_worker_reraise_quotes_the_workers_traceback_as_its_message()
    {
        var report = Analyze.Text(
            "IndexError: Traceback (most recent call last):\n"
            + "  File \"/anaconda3/lib/python3.6/site-packages/torch/utils/data/dataloader.py\", line 40, in _worker_loop\n"
            + "    samples = collate_fn([dataset[i] for i in batch_indices])\n"
            + "  File \"/dataset.py\", line 46, in __getitem__\n"
            + "    img_path, gt_path = self.train_set_path[idx]\n"
            + "IndexError: list index out of range\n");

        var root = Assert.IsType<TracebackInfo>(Assert.Single(report.Tracebacks));
        Assert.Equal(("IndexError", "list index out of range", 2), (root.ExceptionType, root.ExceptionMessage, root.Frames.Count));
        Assert.Equal(("/dataset.py", "__getitem__"), (root.Frames[^1].File, root.Frames[^1].Function));
    }

    [Fact]
    public void A_widened_line_number_is_read()
    {
        var report = Analyze.Text(
            "Traceback (most recent call last):\n"
            + "  File \"/lib/python3.6/site-packages/torch/utils/data/dataloader.py\", line     357, in _process_next_batch\n"
            + "    raise batch.exc_type(batch.exc_msg)\n"
            + "TypeError: 'NoneType' object is not callable\n");

        var frame = Assert.Single(Assert.IsType<TracebackInfo>(report.Traceback).Frames);
        Assert.Equal((357, "_process_next_batch"), (frame.Line, frame.Function));
    }

    [Theory]
    [InlineData("in            forward")]
    [InlineData("in   forward")]
    public void A_widened_space_before_the_function_is_no_part_of_its_name(string widened)
    {
        var report = Analyze.Text(
            "Traceback (most recent call last):\n"
            + "  File \"C:\\ProgramData\\Anaconda3\\lib\\site-packages\\torch\\nn\\modules\\conv.py\", line 301, " + widened + "\n"
            + "    self.padding, self.dilation, self.groups)\n"
            + "RuntimeError: [enforce fail at ..\\c10\\core\\CPUAllocator.cpp:72] data. DefaultCPUAllocator: not enough memory\n");

        var frame = Assert.Single(Assert.IsType<TracebackInfo>(report.Traceback).Frames);
        Assert.Equal((301, "forward"), (frame.Line, frame.Function));
    }

    [Fact]
    public void An_excerpt_starting_inside_a_frame_line_keeps_that_frame()
    {
        var report = Analyze.Text(
            "Megatron-LM/examples/run_simple_mcore_train_loop.py\", line 18, in <module>\n"
            + "    from megatron.training.tokenizer.tokenizer import _NullTokenizer\n"
            + "ModuleNotFoundError: No module named 'megatron.training'\n");

        var root = Assert.IsType<TracebackInfo>(report.Traceback);
        Assert.Equal(("ModuleNotFoundError", 1L), (root.ExceptionType, root.FirstLine));
        Assert.Equal(("Megatron-LM/examples/run_simple_mcore_train_loop.py", 18, "<module>"),
            (root.Frames[0].File, root.Frames[0].Line, root.Frames[0].Function));
    }

    [Fact]
    public void The_tail_of_a_frame_line_after_the_first_line_is_no_frame()
    {
        var report = Analyze.Text(
            "loading\n"
            + "Megatron-LM/examples/run_simple_mcore_train_loop.py\", line 18, in <module>\n"
            + "ModuleNotFoundError: No module named 'megatron.training'\n");

        Assert.Empty(Assert.IsType<TracebackInfo>(report.Traceback).Frames);
    }

    [Fact]
    public void A_rich_panel_whose_top_was_cut_is_read_back_from_the_exception_line()
    {
        var report = Analyze.Text(
            "lib/python3.8/site-packages/datasets/builder.py:797 in          │\n"
            + "│ download_and_prepare                                      │\n"
            + "│                                                           │\n"
            + "│ ❱  797 │   │   │   │   │   raise OSError(                  │\n"
            + "╰───────────────────────────────────────────────────────────╯\n"
            + "OSError: Not enough disk space. Needed: Unknown size\n");

        var root = Assert.IsType<TracebackInfo>(Assert.Single(report.Tracebacks));
        Assert.Equal(("OSError", 1L), (root.ExceptionType, root.FirstLine));
        var frame = Assert.Single(root.Frames);
        Assert.Equal(("lib/python3.8/site-packages/datasets/builder.py", 797, "download_and_prepare"), (frame.File, frame.Line, frame.Function));
    }

    [Fact]
    public void An_exception_line_under_no_panel_has_no_frames()
    {
        var report = Analyze.Text(
            "│ a table cell │\n"
            + "OSError: Not enough disk space. Needed: Unknown size\n");

        Assert.Empty(Assert.IsType<TracebackInfo>(report.Traceback).Frames);
    }
}
