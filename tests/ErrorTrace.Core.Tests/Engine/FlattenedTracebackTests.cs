using ErrorTrace.Core.Reports;

namespace ErrorTrace.Core.Tests.Engine;

/// <summary>Tracebacks a paste put on one line, newlines turned into spaces: read as the lines CPython printed.</summary>
public class FlattenedTracebackTests
{
    [Fact]
    public void A_whole_printout_on_one_line_reads_as_its_frames_and_exception()
    {
        var report = Analyze.Text(
            "Traceback (most recent call last):   File \"run.py\", line 3, in <module>     main()   "
            + "File \"/app/pkg/loader.py\", line 41, in load     import missing_mod ModuleNotFoundError: No module named 'missing_mod'\n");

        var root = Assert.Single(report.Tracebacks);
        Assert.Equal(("ModuleNotFoundError", "No module named 'missing_mod'"), (root.ExceptionType, root.ExceptionMessage));
        Assert.Equal(["<module>", "load"], root.Frames.Select(f => f.Function));
        Assert.Equal("import missing_mod", root.Frames[^1].Code);
    }

    [Fact]
    public void Fenced_and_bold_marks_and_caret_markers_are_the_pastes_not_the_printouts()
    {
        var report = Analyze.Text(
            "```Traceback (most recent call last): File \"a.py\", line 8, in step loss = self.forward(x) ^^^^^^^^^^^^^^^^ "
            + "File \"/app/model.py\", line 20, in forward raise ValueError(f\"bad {x}\") **ValueError: bad shape (3, 4)**```\n");

        var root = Assert.Single(report.Tracebacks);
        Assert.Equal(("ValueError", "bad shape (3, 4)"), (root.ExceptionType, root.ExceptionMessage));
        Assert.Equal(("forward", "raise ValueError(f\"bad {x}\")"), (root.Frames[^1].Function, root.Frames[^1].Code));
        Assert.Equal("loss = self.forward(x)", root.Frames[0].Code);
    }

    [Fact]
    public void An_excerpt_that_starts_inside_the_flattened_frames_reads_from_its_first_frame()
    {
        var report = Analyze.Text(
            "rics = self.step(batch) ^^^^^^^^^^ File \"/app/train.py\", line 12, in step loss.backward() "
            + "File \"/opt/conda/lib/python3.11/site-packages/torch/_tensor.py\", line 626, in backward torch.autograd.backward( "
            + "RuntimeError: CUDA error: an illegal memory access was encountered\n");

        var root = Assert.Single(report.Tracebacks);
        Assert.Equal("RuntimeError", root.ExceptionType);
        Assert.Equal(("/opt/conda/lib/python3.11/site-packages/torch/_tensor.py", "backward"), (root.Frames[^1].File, root.Frames[^1].Function));
    }

    [Fact]
    public void Launcher_prefixes_that_were_at_each_lines_start_stay_inside_the_text()
    {
        var report = Analyze.Text(
            "File \"/site-packages/torch/distributed/distributed_c10d.py\", line 1906, in broadcast 7: work = pg.broadcast([t], opts) "
            + "7: torch.distributed.DistBackendError: NCCL error in: ProcessGroupNCCL.cpp:1331, unhandled system error 7: Last error: 7: socket failed\n");

        var root = Assert.Single(report.Tracebacks);
        Assert.Equal(("torch.distributed.DistBackendError", "broadcast"), (root.ExceptionType, root.Frames[^1].Function));
    }

    [Fact]
    public void A_quoted_flattened_chain_keeps_its_first_exception_as_the_chains_first_link()
    {
        var report = Analyze.Text(
            "> `Traceback (most recent call last): File \"/site-packages/datasets/json.py\", line 156, in _generate_tables "
            + "raise ValueError(\"unreadable\") from None **ValueError: Not able to read records.**\n"
            + "> \n"
            + "> The above exception was the direct cause of the following exception:\n"
            + "> \n"
            + "> Traceback (most recent call last): File \"/app/train.py\", line 5, in main run() File \"/site-packages/datasets/builder.py\", line 1,"
            + " in build raise DatasetGenerationError(\"An error occurred\") from e datasets.builder.DatasetGenerationError: An error occurred\n");

        var root = Assert.Single(report.Tracebacks);
        Assert.Equal("datasets.builder.DatasetGenerationError", root.ExceptionType);
        var first = Assert.Single(root.Chain);
        Assert.Equal(("ValueError", "cause", "_generate_tables"), (first.ExceptionType, first.Relation, first.Frames[^1].Function));
    }

    [Fact]
    public void A_frame_line_as_cpython_prints_it_and_prose_that_quotes_a_file_are_not_flattened()
    {
        var report = Analyze.Text(
            "Traceback (most recent call last):\n"
            + "  File \"train.py\", line 3, in <module>\n"
            + "    main()\n"
            + "KeyError: 'x'\n"
            + "\n"
            + "see File \"config.yaml\", line 3 for the setting, and Note: nothing else\n");

        var root = Assert.Single(report.Tracebacks);
        Assert.Equal(("KeyError", 1), (root.ExceptionType, root.Frames.Count));
    }

    [Fact]
    public void Source_text_that_only_mentions_an_error_word_is_not_the_exception_line()
    {
        var report = Analyze.Text(
            "Traceback (most recent call last): File \"a.py\", line 3, in f log(\"Error: x\") # Note: retry "
            + "File \"b.py\", line 9, in g raise KeyError(k) KeyError: 'id'\n");

        var root = Assert.Single(report.Tracebacks);
        Assert.Equal(("KeyError", "'id'"), (root.ExceptionType, root.ExceptionMessage));
        Assert.Equal("log(\"Error: x\") # Note: retry", root.Frames[0].Code);
    }
}
