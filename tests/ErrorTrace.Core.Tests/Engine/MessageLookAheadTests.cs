using System.Text;
using ErrorTrace.Core.Reports;

namespace ErrorTrace.Core.Tests.Engine;

/// <summary>
/// A blank line after an exception's message either ends the printout or sits inside a chained exception's message
/// (CPython prints messages verbatim); the parser looks ahead over the next paragraph for a chain sentence.
/// </summary>
public class MessageLookAheadTests
{
    private const string ChainedWithBlankLine =
        "Traceback (most recent call last):\n"
        + "  File \"/app/train.py\", line 7, in main\n"
        + "    mount()\n"
        + "OSError: mount failed:\n"
        + "\n"
        + "nfs: server 10.0.0.3 not responding\n"
        + "\n"
        + "The above exception was the direct cause of the following exception:\n"
        + "\n"
        + "Traceback (most recent call last):\n"
        + "  File \"/app/train.py\", line 9, in main\n"
        + "    raise RuntimeError(\"cannot open dataset\") from exc\n"
        + "RuntimeError: cannot open dataset\n";

    [Fact]
    public void A_chain_sentence_after_the_paragraph_joins_the_chain()
    {
        var root = Assert.IsType<TracebackInfo>(Analyze.Text(ChainedWithBlankLine).Traceback);

        Assert.Equal("RuntimeError", root.ExceptionType);
        var cause = Assert.Single(root.Chain);
        Assert.Equal(("OSError", "mount failed:", "cause"), (cause.ExceptionType, cause.ExceptionMessage, cause.Relation));
        Assert.Contains("nfs: server 10.0.0.3 not responding", root.Raw, StringComparison.Ordinal);
        Assert.Single(Analyze.Text(ChainedWithBlankLine).Tracebacks);
    }

    [Fact]
    public void Without_a_chain_sentence_the_lines_after_the_blank_line_are_read_as_before()
    {
        const string Log =
            "Traceback (most recent call last):\n"
            + "  File \"/app/train.py\", line 7, in main\n"
            + "    step()\n"
            + "ValueError: bad batch\n"
            + "\n"
            + "wandb: Waiting for W&B process to finish... (failed 1).\n"
            + "\n"
            + "Killed\n";

        var report = Analyze.Text(Log);

        var failures = report.Tracebacks.Select(t => (t.Kind, t.ExceptionType, t.FirstLine)).ToList();
        Assert.Contains(("python", "ValueError", 1L), failures);
        Assert.Contains(("signal", "SIGKILL", 8L), failures);
        Assert.Equal("bad batch", report.Tracebacks.Single(t => t.Kind == "python").ExceptionMessage);
    }

    [Fact]
    public void A_traceback_after_the_blank_line_is_not_held()
    {
        const string Log =
            "Traceback (most recent call last):\n"
            + "  File \"/app/a.py\", line 1, in f\n"
            + "KeyError: 'x'\n"
            + "\n"
            + "Traceback (most recent call last):\n"
            + "  File \"/app/b.py\", line 2, in g\n"
            + "TypeError: y\n";

        var types = Analyze.Text(Log).Tracebacks.Select(t => t.ExceptionType).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(["KeyError", "TypeError"], types);
    }

    [Fact]
    public void A_long_run_after_the_blank_line_gives_up_and_loses_no_line()
    {
        var lines = string.Concat(Enumerable.Range(0, 40).Select(i => $"step {i}: writing shard {i}\n"));
        var log = "Traceback (most recent call last):\n  File \"/app/a.py\", line 1, in f\nValueError: v\n\n"
            + lines + "RuntimeError: CUDA error: an illegal memory access was encountered\n";

        var report = Analyze.Text(log);

        Assert.Contains(report.Errors, e => e.Message.Contains("illegal memory access", StringComparison.Ordinal) && e.FirstLine == 45);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(64)]
    public void Chunk_boundaries_do_not_change_the_look_ahead(int chunk)
    {
        var bytes = Encoding.UTF8.GetBytes(ChainedWithBlankLine + "\nwandb: done\n\nKilled\n");

        Assert.Equal(Analyze.Comparable(Analyze.Bytes(bytes)), Analyze.Comparable(Analyze.Chunked(bytes, chunk)));
    }
}
