using ErrorTrace.Core.Reports;

namespace ErrorTrace.Core.Tests.Engine;

/// <summary>Long real logs' root causes (issue 12, item 8): a DataLoader worker's exception quoted by its re-raise, and
/// JAX's traceback-filtering exceptions chained in front of the real one.</summary>
public class WorkerAndJaxRootTests
{
    private const string DataLoaderReraise =
        "Traceback (most recent call last):\n"
        + "  File \"train.py\", line 10, in <module>\n"
        + "    for batch in loader:\n"
        + "  File \"/usr/lib/python3/site-packages/torch/utils/data/dataloader.py\", line 1372, in _process_data\n"
        + "    data.reraise()\n"
        + "  File \"/usr/lib/python3/site-packages/torch/_utils.py\", line 722, in reraise\n"
        + "    raise exception\n"
        + "FileNotFoundError: Caught FileNotFoundError in DataLoader worker process 3.\n"
        + "Original Traceback (most recent call last):\n"
        + "  File \"/usr/lib/python3/site-packages/torch/utils/data/_utils/worker.py\", line 308, in _worker_loop\n"
        + "    data = fetcher.fetch(index)\n"
        + "  File \"/app/dataset.py\", line 20, in __getitem__\n"
        + "    img = Image.open(path)\n"
        + "FileNotFoundError: [Errno 2] No such file or directory: '/data/x.jpg'\n"
        + "\n";

    [Fact]
    public void A_dataloader_reraise_reports_the_workers_original_exception()
    {
        var report = Analyze.Text(DataLoaderReraise);

        var root = Assert.IsType<TracebackInfo>(report.Traceback);
        // The traceback itself stays as CPython printed it; the worker's exception is read out of its message.
        Assert.Equal(("FileNotFoundError", "reraise"), (root.ExceptionType, root.Frames[^1].Function));
        Assert.StartsWith("Caught FileNotFoundError in DataLoader worker process 3.", root.ExceptionMessage, StringComparison.Ordinal);
        var original = Assert.IsType<WorkerFailure>(root.Original);
        Assert.Equal(("FileNotFoundError", "[Errno 2] No such file or directory: '/data/x.jpg'", "DataLoader worker process 3"),
            (original.ExceptionType, original.ExceptionMessage, original.RaisedIn));
        Assert.Equal([("_worker_loop", "data = fetcher.fetch(index)"), ("__getitem__", "img = Image.open(path)")],
            original.Frames.Select(f => (f.Function, f.Code)));
        Assert.Equal("FileNotFoundError: [Errno 2] No such file or directory: '/data/x.jpg' (in DataLoader worker process 3)", report.ErrorSummary);
        Assert.Contains(report.Errors, e => e.Source == "exception" && e.Message == report.ErrorSummary);
    }

    [Fact]
    public void An_exception_without_a_quoted_traceback_has_no_original()
    {
        var report = Analyze.Text("Traceback (most recent call last):\n  File \"a.py\", line 1, in <module>\nValueError: Caught nothing\n");

        Assert.Null(report.Traceback?.Original);
    }

    [Fact]
    public void An_opencv_exception_line_is_not_a_pdsh_host_prefix()
    {
        var report = Analyze.Text(DataLoaderReraise.Replace("FileNotFoundError: Caught FileNotFoundError", "cv2.error: Caught error", StringComparison.Ordinal));

        var root = Assert.IsType<TracebackInfo>(report.Traceback);
        Assert.Equal(("cv2.error", 3), (root.ExceptionType, root.Frames.Count));
    }

    [Fact]
    public void JAXs_unfiltered_stack_trace_is_not_the_first_link_of_the_chain()
    {
        var report = Analyze.Text(
            "Traceback (most recent call last):\n"
            + "  File \"/app/train.py\", line 40, in <module>\n"
            + "    state = train_step(state, batch)\n"
            + "  File \"/usr/lib/python3/site-packages/jax/_src/traceback_util.py\", line 166, in reraise_with_filtered_traceback\n"
            + "    return fun(*args, **kwargs)\n"
            + "  File \"/usr/lib/python3/site-packages/jax/_src/pjit.py\", line 250, in cache_miss\n"
            + "    outs, out_flat, out_tree, args_flat, jaxpr = _python_pjit_helper(\n"
            + "jax._src.traceback_util.UnfilteredStackTrace: jaxlib.xla_extension.XlaRuntimeError: RESOURCE_EXHAUSTED: Out of memory while trying to allocate 17179869184 bytes.\n"
            + "\n"
            + "The stack trace below excludes JAX-internal frames.\n"
            + "The preceding is the original exception that occurred, unmodified.\n"
            + "\n"
            + "--------------------\n"
            + "\n"
            + "The above exception was the direct cause of the following exception:\n"
            + "\n"
            + "Traceback (most recent call last):\n"
            + "  File \"/app/train.py\", line 40, in <module>\n"
            + "    state = train_step(state, batch)\n"
            + "jaxlib.xla_extension.XlaRuntimeError: RESOURCE_EXHAUSTED: Out of memory while trying to allocate 17179869184 bytes.\n");

        var root = Assert.IsType<TracebackInfo>(report.Traceback);
        Assert.Equal("jaxlib.xla_extension.XlaRuntimeError", root.ExceptionType);
        Assert.Empty(root.Chain);
        Assert.Equal("<module>", root.Frames[^1].Function);
    }

    [Fact]
    public void JAXs_simplified_traceback_notice_is_not_the_first_link_of_the_chain()
    {
        var report = Analyze.Text(
            "  0%|          | 0/12000 [00:00<?, ?it/s]jax.errors.SimplifiedTraceback: For simplicity, JAX has removed its internal frames from the traceback of the following exception. Set JAX_TRACEBACK_FILTERING=off to include these.\n"
            + "\n"
            + "The above exception was the direct cause of the following exception:\n"
            + "\n"
            + "Traceback (most recent call last):\n"
            + "  File \"/app/1.py\", line 101, in <module>\n"
            + "    output = trainer.train(params)\n"
            + "  File \"/app/trainer.py\", line 708, in train\n"
            + "    loss = self.step(state)\n"
            + "jaxlib.xla_extension.XlaRuntimeError: RESOURCE_EXHAUSTED: XLA:TPU compile permanent error. Ran out of memory in memory space hbm.\n");

        var root = Assert.IsType<TracebackInfo>(report.Traceback);
        Assert.Equal(("jaxlib.xla_extension.XlaRuntimeError", "train"), (root.ExceptionType, root.Frames[^1].Function));
        Assert.Empty(root.Chain);
    }

    [Fact]
    public void JAXs_unfiltered_stack_trace_in_a_notebook_is_the_original_exception_it_prints()
    {
        // IPython ends the printout at the artifact's explanation; a paste often stops before the filtered copy.
        var report = Analyze.Text(
            "---------------------------------------------------------------------------\n"
            + "UnfilteredStackTrace                      Traceback (most recent call last)\n"
            + "<ipython-input-5-ae0b49d61c11> in <module>()\n"
            + "---> 42     prediction_result = model_runner.predict(processed_feature_dict)\n"
            + "\n"
            + "11 frames\n"
            + "UnfilteredStackTrace: RuntimeError: Resource exhausted: Out of memory while trying to allocate 13816236064 bytes.\n"
            + "\n"
            + "The stack trace below excludes JAX-internal frames.\n"
            + "The preceding is the original exception that occurred, unmodified.\n");

        var root = Assert.IsType<TracebackInfo>(report.Traceback);
        Assert.Equal("RuntimeError", root.ExceptionType);
        Assert.StartsWith("Resource exhausted: Out of memory", root.ExceptionMessage, StringComparison.Ordinal);
        Assert.Equal(("<ipython-input-5-ae0b49d61c11>", "<module>"), (root.Frames[^1].File, root.Frames[^1].Function));
    }

    [Theory]
    [InlineData("UnfilteredStackTrace: see the frames below")]
    [InlineData("UnfilteredStackTrace")]
    public void An_unfiltered_stack_trace_that_names_no_exception_keeps_its_own_type(string line)
    {
        var report = Analyze.Text(
            "UnfilteredStackTrace                      Traceback (most recent call last)\n"
            + "<ipython-input-5-ae0b49d61c11> in <module>()\n"
            + "---> 42     prediction_result = model_runner.predict(processed_feature_dict)\n"
            + "\n"
            + line + "\n");

        Assert.Equal("UnfilteredStackTrace", Assert.IsType<TracebackInfo>(report.Traceback).ExceptionType);
    }
}
