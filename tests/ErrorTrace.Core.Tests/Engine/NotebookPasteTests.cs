using ErrorTrace.Core.Reports;

namespace ErrorTrace.Core.Tests.Engine;

/// <summary>IPython tracebacks as they reach an issue: pasted without their header, with the padding or indentation
/// collapsed, from Colab (linked paths) or IPython 8 (bracketed line numbers, hidden frames); and a notebook chain
/// whose first traceback the paste cut.</summary>
public class NotebookPasteTests
{
    [Fact]
    public void A_module_frame_without_an_argument_list_is_a_frame()
    {
        var report = Analyze.Text(
            "ImportError                               Traceback (most recent call last)\n"
            + "<ipython-input-2-279c49635b32> in <module>\n"
            + "----> 1 import transformers\n"
            + "\n"
            + "/envs/x/lib/python3.7/site-packages/transformers/trainer_pt_utils.py in <module>\n"
            + "     39 else:\n"
            + "---> 40     from torch.optim.lr_scheduler import SAVE_STATE_WARNING\n"
            + "\n"
            + "ImportError: cannot import name 'SAVE_STATE_WARNING'\n");

        var root = Assert.IsType<TracebackInfo>(report.Traceback);
        Assert.Equal(("ImportError", 2), (root.ExceptionType, root.Frames.Count));
        Assert.Equal(("/envs/x/lib/python3.7/site-packages/transformers/trainer_pt_utils.py", 40, "<module>"),
            (root.Frames[1].File, root.Frames[1].Line, root.Frames[1].Function));
    }

    [Fact]
    public void A_header_pasted_without_its_padding_and_unindented_source_lines_are_read()
    {
        var report = Analyze.Text(
            "RuntimeError Traceback (most recent call last)\n"
            + "<ipython-input-8-7b6b8391c42e> in <module>\n"
            + "----> 1 trainer.fit(model, data_module)\n"
            + "\n"
            + "/usr/lib/python3.7/site-packages/pytorch_lightning/trainer/trainer.py in _run(self, model)\n"
            + "920\n"
            + "921 # dispatch `start_training`\n"
            + "--> 922 self._dispatch()\n"
            + "923\n");

        var root = Assert.IsType<TracebackInfo>(report.Traceback);
        Assert.Equal("RuntimeError", root.ExceptionType);
        Assert.Equal(("_run", 922, "self._dispatch()"), (root.Frames[^1].Function, root.Frames[^1].Line, root.Frames[^1].Code));
    }

    [Fact]
    public void Prose_ending_like_a_header_is_no_traceback()
    {
        var report = Analyze.Text("Full Traceback (most recent call last)\nsee the attached file\n");

        Assert.Null(report.Traceback);
        Assert.Empty(report.Tracebacks);
    }

    [Fact]
    public void A_frame_pasted_without_the_header_opens_at_its_arrow()
    {
        var report = Analyze.Text(
            "<pre>\n"
            + "/opt/conda/lib/python3.8/site-packages/cpm_kernels/library/cuda.py in checkCUStatus(error)\n"
            + "    214 def checkCUStatus(error : int) -> None:\n"
            + "    215     if error != CUDA_SUCCESS:\n"
            + "--> 216         raise RuntimeError(\"CUDA Error: %s\" % cuGetErrorString(error))\n"
            + "    217 \n"
            + "\n"
            + "RuntimeError: CUDA Error: no kernel image is available for execution on the device\n");

        var root = Assert.IsType<TracebackInfo>(report.Traceback);
        Assert.Equal(("RuntimeError", 2L), (root.ExceptionType, root.FirstLine));
        var frame = Assert.Single(root.Frames);
        Assert.Equal(("/opt/conda/lib/python3.8/site-packages/cpm_kernels/library/cuda.py", 216, "checkCUStatus"), (frame.File, frame.Line, frame.Function));
    }

    [Fact]
    public void An_arrow_without_a_frame_above_opens_nothing()
    {
        var report = Analyze.Text(
            "stage 1 --> stage 2\n"
            + "    ---> 12 done\n"
            + "mapping a --> b finished\n");

        Assert.Empty(report.Tracebacks);
    }

    [Fact]
    public void IPython_8_bracketed_line_numbers_and_hidden_frames_are_read()
    {
        var report = Analyze.Text(
            "FloatingPointError                        Traceback (most recent call last)\n"
            + "    [... skipping hidden 1 frame]\n"
            + "\n"
            + "File ~/envs/mjx/lib/python3.12/site-packages/jax/_src/dispatch.py:314, in check_special(name, bufs)\n"
            + "    [313] for buf in bufs:\n"
            + "--> [314]   _check_special(name, buf.dtype, buf)\n"
            + "\n"
            + "File ~/envs/mjx/lib/python3.12/site-packages/jax/_src/dispatch.py:319, in _check_special(name, dtype, buf)\n"
            + "    [318] if config.debug_nans.value and np.any(np.isnan(np.asarray(buf))):\n"
            + "--> [319]   raise FloatingPointError(f\"invalid value (nan) encountered in {name}\")\n"
            + "\n"
            + "FloatingPointError: invalid value (nan) encountered in jit(step)\n");

        var root = Assert.IsType<TracebackInfo>(report.Traceback);
        Assert.Equal(("FloatingPointError", 2), (root.ExceptionType, root.Frames.Count));
        Assert.Equal(("_check_special", 319, "raise FloatingPointError(f\"invalid value (nan) encountered in {name}\")"),
            (root.Frames[1].Function, root.Frames[1].Line, root.Frames[1].Code));
    }

    [Fact]
    public void A_colab_link_around_a_path_is_the_path_and_a_cython_frame_keeps_its_module()
    {
        var report = Analyze.Text(
            "OSError                                   Traceback (most recent call last)\n"
            + "[/content/Cross3D/learners.py](https://localhost:8080/#) in train_epoch(self, dataset)\n"
            + "---> 92     x = load(dataset)\n"
            + "\n"
            + "h5py/h5f.pyx in h5py.h5f.open()\n"
            + "\n"
            + "OSError: Unable to open file (truncated file)\n");

        var root = Assert.IsType<TracebackInfo>(report.Traceback);
        Assert.Equal(("/content/Cross3D/learners.py", "train_epoch"), (root.Frames[0].File, root.Frames[0].Function));
        Assert.Equal(("h5py/h5f.pyx", "h5py.h5f.open"), (root.Frames[1].File, root.Frames[1].Function));
    }

    [Fact]
    public void A_notebook_chain_whose_first_traceback_was_cut_starts_with_the_first_exception()
    {
        var report = Analyze.Text(
            "ArrowInvalid: JSON parse error: Column() changed from object to array in row 0\n"
            + "\n"
            + "During handling of the above exception, another exception occurred:\n"
            + "\n"
            + "ArrowTypeError                            Traceback (most recent call last)\n"
            + "ArrowTypeError: Expected bytes, got a 'int' object\n"
            + "\n"
            + "The above exception was the direct cause of the following exception:\n"
            + "\n"
            + "DatasetGenerationError                    Traceback (most recent call last)\n"
            + "/usr/lib/python3.10/site-packages/datasets/builder.py in _prepare_split_single(self, gen_kwargs)\n"
            + "-> 2014             raise DatasetGenerationError(\"An error occurred while generating the dataset\") from e\n"
            + "\n"
            + "DatasetGenerationError: An error occurred while generating the dataset\n");

        var root = Assert.IsType<TracebackInfo>(Assert.Single(report.Tracebacks));
        Assert.Equal(("DatasetGenerationError", 1L), (root.ExceptionType, root.FirstLine));
        Assert.Equal(["ArrowInvalid", "ArrowTypeError"], root.Chain.Select(c => c.ExceptionType));
        Assert.Equal(["context", "cause"], root.Chain.Select(c => c.Relation));
    }

    [Fact]
    public void An_exception_line_after_an_error_records_lines_is_a_failure_of_its_own()
    {
        var report = Analyze.Text(
            "node08:27106:27302 [0] include/shm.h:27 NCCL WARN Call to shm_open failed : Permission denied\n"
            + "node08:27106:27302 [0] NCCL INFO include/shm.h:41 -> 2\n"
            + "RuntimeError: NCCL error in ProcessGroupNCCL.cpp:290, unhandled system error\n");

        var root = Assert.IsType<TracebackInfo>(report.Traceback);
        Assert.Equal(("RuntimeError", 3L), (root.ExceptionType, root.ExceptionLine));
    }

    [Fact]
    public void An_nccl_result_name_in_an_error_records_text_stays_its_message()
    {
        var report = Analyze.Text(
            "[E ProcessGroupNCCL.cpp:541] [Rank 4] found async exception when checking for NCCL errors: NCCL error: remote process exited\n"
            + "ncclRemoteError: A call failed possibly due to a network error or a remote process exiting prematurely.\n");

        Assert.Empty(report.Tracebacks);
        Assert.Contains(report.Errors, e => e.Message.Contains("\nncclRemoteError: A call failed", StringComparison.Ordinal));
    }

    /// <summary>From tf-ts-examples-11 and gensim-2425 of the real-log corpus: the header glued to its type, or the type in
    /// backticks, and the paste cut before the exception line.</summary>
    [Theory]
    [InlineData("NanLossDuringTrainingErrorTraceback (most recent call last)", "NanLossDuringTrainingError")]
    [InlineData("`MemoryError`                               Traceback (most recent call last)", "MemoryError")]
    public void A_header_glued_to_its_type_or_quoted_names_the_type_of_a_cut_printout(string header, string type)
    {
        var report = Analyze.Text(
            header + "\n"
            + "<ipython-input-43-2f65d1e5e9c4> in <module>()\n"
            + "     33 \n"
            + "---> 34     estimator.train(input_fn=train_input_fn, steps=200)\n");

        var root = Assert.IsType<TracebackInfo>(report.Traceback);
        Assert.Equal((type, "<ipython-input-43-2f65d1e5e9c4>", "<module>"), (root.ExceptionType, root.Frames[^1].File, root.Frames[^1].Function));
    }

    /// <summary>From keras-6850 and mmdetection-9759: nothing but the header survived of the printout (the message
    /// follows, or a frame line cut mid-path).</summary>
    [Theory]
    [InlineData("ValueError                                Traceback (most recent call last)\nError when checking input: expected conv2d_17_input to have shape (None, 1, 1876, 1)\n", "ValueError")]
    [InlineData("OutOfMemoryError                          Traceback (most recent call last)\n[<ipython-input-9-ce97554a7869>](https://localhost:8080/#) i\n", "OutOfMemoryError")]
    public void A_header_alone_names_the_type(string log, string type)
    {
        var root = Assert.IsType<TracebackInfo>(Analyze.Text(log).Traceback);

        Assert.Equal((type, 0), (root.ExceptionType, root.Frames.Count));
    }

    [Fact]
    public void Prose_glued_to_a_header_is_no_type()
    {
        Assert.Null(Analyze.Text("I got thisTraceback (most recent call last)\n").Traceback);
    }
}
