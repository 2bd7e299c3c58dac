using ErrorTrace.Core.Reports;

namespace ErrorTrace.Core.Tests.Engine;

/// <summary>Tracebacks as IPython prints them in notebooks and IPython shells.</summary>
public class IPythonTracebackTests
{
    [Fact]
    public void IPython_8_cells_and_files_with_line_numbers_are_frames()
    {
        var report = Analyze.Text(
            "---------------------------------------------------------------------------\n"
            + "UnidentifiedImageError                    Traceback (most recent call last)\n"
            + "Cell In[4], line 2\n"
            + "      1 opt = get_config(\"config_files/en_filtered_config.yaml\")\n"
            + "----> 2 train(opt, amp=False)\n"
            + "\n"
            + "File ~\\Projects\\OCR\\trainer\\train.py:203, in train(opt, show_number, amp)\n"
            + "    201     scaler.update()\n"
            + "    202 else:\n"
            + "--> 203     image_tensors, labels = train_dataset.get_batch()\n"
            + "    (...)\n"
            + "    210     loss = criterion(preds, text)\n"
            + "\n"
            + "UnidentifiedImageError: cannot identify image file 'data/train/0001.png'\n");

        var root = Assert.IsType<TracebackInfo>(report.Traceback);
        Assert.Equal(("python", "UnidentifiedImageError"), (root.Kind, root.ExceptionType));
        Assert.Equal(("Cell In[4]", 2, "<module>", "train(opt, amp=False)"),
            (root.Frames[0].File, root.Frames[0].Line, root.Frames[0].Function, root.Frames[0].Code));
        Assert.Equal(("~\\Projects\\OCR\\trainer\\train.py", 203, "train", "image_tensors, labels = train_dataset.get_batch()"),
            (root.Frames[1].File, root.Frames[1].Line, root.Frames[1].Function, root.Frames[1].Code));
        Assert.Equal(2, root.FirstLine);
    }

    [Fact]
    public void A_cell_s_function_is_a_frame_named_as_cpython_names_it()
    {
        var report = Analyze.Text(
            "XlaRuntimeError                           Traceback (most recent call last)\n"
            + "Cell In[18], line 9\n"
            + "----> 9 tracks, visibles = inference(frames, query_points)\n"
            + "\n"
            + "Cell In[3], line 92, in Tracker.inference(frames, query_points)\n"
            + "---> 92 outputs, _ = model_apply(params, state, rng, frames, query_points)\n"
            + "\n"
            + "XlaRuntimeError: RESOURCE_EXHAUSTED: Out of memory while trying to allocate 4194304 bytes.\n");

        var root = Assert.IsType<TracebackInfo>(report.Traceback);
        Assert.Equal(("Cell In[3]", 92, "inference"), (root.Frames[^1].File, root.Frames[^1].Line, root.Frames[^1].Function));
    }

    [Fact]
    public void A_chained_exception_puts_the_first_in_the_chain()
    {
        var report = Analyze.Text(
            "KeyError                                  Traceback (most recent call last)\n"
            + "/venv/lib/python3.9/site-packages/datasets/arrow_dataset.py in _getitem(self, key)\n"
            + "--> 2800         return self._data[key]\n"
            + "\n"
            + "KeyError: 'text'\n"
            + "\n"
            + "During handling of the above exception, another exception occurred:\n"
            + "\n"
            + "---------------------------------------------------------------------------\n"
            + "ValueError                                Traceback (most recent call last)\n"
            + "<ipython-input-3-1a2b> in <module>()\n"
            + "----> 1 trainer.train()\n"
            + "\n"
            + "ValueError: Column text not in the dataset\n");

        var root = Assert.IsType<TracebackInfo>(report.Traceback);
        Assert.Equal(("ValueError", "<module>", 1), (root.ExceptionType, root.Frames[0].Function, root.Frames[0].Line));
        var first = Assert.Single(root.Chain);
        Assert.Equal(("KeyError", "context", "_getitem", 2800), (first.ExceptionType, first.Relation, first.Frames[0].Function, first.Frames[0].Line));
    }

    [Fact]
    public void A_paste_cut_before_the_exception_line_keeps_the_headers_type_and_plain_function_names()
    {
        var report = Analyze.Text(
            "OutOfMemoryError                          Traceback (most recent call last)\n"
            + "File /usr/local/lib/python3.8/dist-packages/transformers/trainer.py:2113, in Trainer.evaluate(self, eval_dataset)\n"
            + "-> 2113 output = eval_loop(\n"
            + "   2114     eval_dataloader,\n");

        var root = Assert.IsType<TracebackInfo>(report.Traceback);
        Assert.Equal(("OutOfMemoryError", "evaluate", 2113), (root.ExceptionType, root.Frames[^1].Function, root.Frames[^1].Line));
        Assert.Equal("oom_eval", report.Analysis?.ErrorType);
    }

    [Theory]
    [InlineData("The error says    Traceback (most recent call last)\n")]
    [InlineData("Traceback (most recent call last)\n")]
    public void Prose_or_a_bare_title_opens_nothing(string text)
    {
        var report = Analyze.Text(text);

        Assert.Empty(report.Tracebacks);
    }
}
