using ErrorTrace.Core.Reports;

namespace ErrorTrace.Core.Tests.Engine;

/// <summary>A cause printed without a traceback lands after an open tqdm bar when the bar ended with <c>\r</c>.</summary>
public class GluedCauseTests
{
    [Fact]
    public void A_cause_glued_to_a_progress_bar_is_the_first_link_of_the_chain()
    {
        var report = Analyze.Text(
            "Starting training\n"
            + "\rEpoch 1:  32%|███       | 32/100 [00:03<00:06, 9.82it/s]"
            + "\rEpoch 1:  36%|███       | 36/100 [00:03<00:06, 9.86it/s]OSError: [Errno 28] No space left on device\n"
            + "\n"
            + "The above exception was the direct cause of the following exception:\n"
            + "\n"
            + "Traceback (most recent call last):\n"
            + "  File \"/app/train.py\", line 6, in save\n"
            + "    raise RuntimeError(\"could not save checkpoint\") from OSError(28, \"No space left on device\")\n"
            + "RuntimeError: could not save checkpoint\n");

        var root = Assert.IsType<TracebackInfo>(report.Traceback);
        var cause = Assert.Single(root.Chain);
        Assert.Equal(("OSError", "[Errno 28] No space left on device", "cause"), (cause.ExceptionType, cause.ExceptionMessage, cause.Relation));
        Assert.Single(report.Tracebacks);
    }

    [Fact]
    public void Prose_after_a_bracket_without_a_bar_is_not_an_exception()
    {
        var report = Analyze.Text(
            "[step 3] loss: nan\n"
            + "\n"
            + "The above exception was the direct cause of the following exception:\n"
            + "\n"
            + "Traceback (most recent call last):\n"
            + "  File \"/app/train.py\", line 6, in step\n"
            + "RuntimeError: boom\n");

        var root = Assert.IsType<TracebackInfo>(report.Traceback);
        Assert.Empty(root.Chain);
    }
}
