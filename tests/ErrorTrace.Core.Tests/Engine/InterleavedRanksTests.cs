using ErrorTrace.Core.Reports;

namespace ErrorTrace.Core.Tests.Engine;

/// <summary>Several ranks writing the same traceback to one shared stderr without <c>[rankN]:</c> prefixes: a lagging
/// rank's frames after an earlier rank's exception line, and a frame line glued to another rank's unfinished line.</summary>
public class InterleavedRanksTests
{
    [Fact]
    public void A_lagging_ranks_deeper_frames_after_the_exception_line_continue_the_traceback()
    {
        var report = Analyze.Text(
            "Traceback (most recent call last):\n"
            + "    assert not total_norm.isnan(), (\n"
            + "  File \"/workdir/examples/pretrain_baichuan.py\", line 101, in <module>\n"
            + "AssertionError: Rank 3: found NaN in local grad norm in backwards pass.\n"
            + "    pretrain(train_valid_test_datasets_provider,\n"
            + "  File \"/workdir/megatron_patch/training.py\", line 152, in pretrain\n"
            + "    iteration = train(forward_step_func,\n"
            + "  File \"/workdir/megatron_patch/training.py\", line 385, in train\n"
            + "    train_step(forward_step_func,\n"
            + "  File \"/workdir/megatron_patch/training.py\", line 385, in train_step\n"
            + "    update_successful, grad_norm, num_zeros_in_grad = optimizer.step(args, timers)\n"
            + "AssertionError: Rank 1: found NaN in local grad norm in backwards pass.\n");

        var root = Assert.IsType<TracebackInfo>(report.Traceback);
        Assert.Equal("AssertionError", root.ExceptionType);
        Assert.Equal("Rank 3: found NaN in local grad norm in backwards pass.", root.ExceptionMessage.Split('\n')[0]);
        Assert.Equal("train_step", root.Frames[^1].Function);
        Assert.DoesNotContain("File \"", root.ExceptionMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void A_lagging_ranks_outer_frames_after_the_exception_line_leave_the_innermost_frame()
    {
        // The excerpt starts mid-traceback: the second rank's frames after the exception line are outer ones (the
        // first does not call them), and the innermost frame stays the one the exception was raised in.
        var report = Analyze.Text(
            "  File \"/usr/lib/python3.10/multiprocessing/synchronize.py\", line 57, in __init__\n"
            + "    sl = self._semlock = _multiprocessing.SemLock(\n"
            + "OSError: [Errno 28] No space left on device\n"
            + "    return iter(dataloader)\n"
            + "  File \"/usr/local/lib/python3.10/dist-packages/torch/utils/data/dataloader.py\", line 436, in __iter__\n"
            + "    self._iterator = self._get_iterator()\n"
            + "  File \"/usr/local/lib/python3.10/dist-packages/torch/utils/data/dataloader.py\", line 388, in _get_iterator\n");

        var root = Assert.IsType<TracebackInfo>(report.Traceback);
        Assert.Equal(("OSError", "__init__"), (root.ExceptionType, root.Frames[^1].Function));
    }

    [Fact]
    public void Frames_quoted_in_a_dataloader_message_stay_in_the_message()
    {
        var report = Analyze.Text(
            "Traceback (most recent call last):\n"
            + "  File \"train.py\", line 10, in <module>\n"
            + "    for batch in loader:\n"
            + "FileNotFoundError: Caught FileNotFoundError in DataLoader worker process 0.\n"
            + "Original Traceback (most recent call last):\n"
            + "  File \"/opt/conda/lib/python3.8/site-packages/torch/utils/data/_utils/worker.py\", line 287, in _worker_loop\n"
            + "    data = fetcher.fetch(index)\n"
            + "FileNotFoundError: [Errno 2] No such file or directory: 'a.png'\n");

        var root = Assert.IsType<TracebackInfo>(report.Traceback);
        Assert.Equal("<module>", Assert.Single(root.Frames).Function);
        Assert.Contains("_worker_loop", root.ExceptionMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void A_frame_line_glued_to_another_ranks_message_line_is_read()
    {
        var report = Analyze.Text(
            "  File \"/usr/local/lib/python3.8/dist-packages/deepspeed/runtime/fp16/loss_scaler.py\", line 175, in update_scale\n"
            + "    raise Exception(\n"
            + "    Exceptionself.loss_scaler.update_scale(has_overflow):\n"
            + "Current loss scale already at minimum - cannot decrease scale anymore. Exiting run.  File \"/usr/local/lib/python3.8/dist-packages/deepspeed/runtime/fp16/loss_scaler.py\", line 175, in update_scale\n"
            + "    raise Exception(\n"
            + "Exception: Current loss scale already at minimum - cannot decrease scale anymore. Exiting run.\n");

        var root = Assert.IsType<TracebackInfo>(report.Traceback);
        Assert.Equal(("Exception", "update_scale"), (root.ExceptionType, root.Frames[^1].Function));
    }

    [Fact]
    public void Prose_that_names_a_file_after_two_spaces_still_ends_the_printout()
    {
        var report = Analyze.Text(
            "Traceback (most recent call last):\n"
            + "  File \"train.py\", line 157, in evaluate\n"
            + "    output = model(x)\n"
            + "see the log.  File \"notes.txt\" was written\n"
            + "RuntimeError: boom\n");

        Assert.DoesNotContain(report.Tracebacks, t => t.Frames.Count > 1);
    }

    [Fact]
    public void An_exception_line_two_ranks_wrote_at_once_names_one_type()
    {
        var report = Analyze.Text(
            "Traceback (most recent call last):\n"
            + "  File \"train.py\", line 88, in collate\n"
            + "    \"input_ids\": feature[\"input_ids_j\"],    \"input_ids\": feature[\"input_ids_j\"],\n"
            + "KeyErrorKeyError: : 'input_ids_j'\n");

        var root = Assert.IsType<TracebackInfo>(report.Traceback);
        Assert.Equal(("KeyError", "'input_ids_j'"), (root.ExceptionType, root.ExceptionMessage));
    }

    [Fact]
    public void A_bare_exception_line_with_interleaved_module_pieces_names_one_type()
    {
        var report = Analyze.Text(
            "torch.cuda.OutOfMemoryErrortorch.cuda: torch.cuda.OutOfMemoryError.OutOfMemoryError: CUDA out of memory. Tried to allocate 32.00 GiB (GPU 6; 79.20 GiB total capacity)\n");

        var root = Assert.IsType<TracebackInfo>(report.Traceback);
        Assert.Equal("torch.cuda.OutOfMemoryError", root.ExceptionType);
        Assert.StartsWith("CUDA out of memory.", root.ExceptionMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("torch.cudatorch.cuda..OutOfMemoryErrorOutOfMemoryError: : CUDA out of memory. Tried to allocate 4.54 GiB.", "torch.cuda.OutOfMemoryError", "CUDA out of memory. Tried to allocate 4.54 GiB.")]
    [InlineData("RuntimeErrRuntimeError: CUDA error: an illegal instruction was encountered", "RuntimeError", "CUDA error: an illegal instruction was encountered")]
    public void A_type_whose_pieces_each_came_out_twice_names_one_type(string line, string type, string message)
    {
        var report = Analyze.Text("step 10\n" + line + "\n");

        var root = Assert.IsType<TracebackInfo>(report.Traceback);
        Assert.Equal((type, message), (root.ExceptionType, root.ExceptionMessage));
    }

    [Theory]
    [InlineData("ErrorHandlerError: handler failed")]
    [InlineData("AssertionError: x")]
    [InlineData("pkg.BaseBaseBaseError: x")]
    [InlineData("mypkg.ConfigConfigError: bad value")]
    public void A_type_that_is_not_copies_of_one_exception_name_is_kept(string line)
    {
        var report = Analyze.Text("Traceback (most recent call last):\n  File \"t.py\", line 1, in <module>\n    f()\n" + line + "\n");

        Assert.Equal(line[..line.IndexOf(':', StringComparison.Ordinal)], report.Traceback?.ExceptionType);
    }
}
