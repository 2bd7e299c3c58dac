using ErrorTrace.Core.Classification;
using ErrorTrace.Core.Reports;
using ErrorTrace.Core.Tests.Engine;
using static ErrorTrace.Core.Tests.Classification.T;

namespace ErrorTrace.Core.Tests.Classification;

/// <summary>
/// What <see cref="NonFiniteNumbersCases"/>' rule must not take: finite number lines, pandas' NaN of a table's missing
/// values, numbers beside words, a NumPy array, a regression's large but plausible loss, and any number line next to a
/// failure that was raised.
/// </summary>
public sealed class NonFiniteNumbersNearMissTests
{
    [Theory]
    [InlineData("batch: 394 0.6420018 0.6280691 0.7282944")]
    [InlineData("76980 2.59109")]
    [InlineData("0  1.0  NaN  3.2")]
    [InlineData("[ 1.  nan  2.]")]
    [InlineData("Found 3 files with nan values in the info table")]
    [InlineData("Epoch 12/100 - loss: 39812345678.0000 - val_loss: 41234567890.0000")]
    [InlineData("Using nanoseconds 1700000000 1700000001")]
    [InlineData("Model info 12 inference 3")]
    public void Finite_or_named_numbers_and_tables_say_nothing(string line) =>
        Assert.NotEqual("numerical-metrics-non-finite", Classify(Clean(line))?.RuleId);

    [Fact]
    public void A_raised_failure_decides_even_after_a_nan_number_line()
    {
        var input = new ClassificationInput(Py("KeyError", "'labels'", [Sp + "transformers/trainer.py:training_step"]), [], [], null)
        {
            Context = [new ContextLine(10, "batch: 12 nan 0.51 0.49")],
        };

        Assert.NotEqual("numerical-metrics-non-finite", Classify(input)?.RuleId);
    }

    [Fact]
    public void A_clean_run_whose_numbers_stay_finite_stays_clean()
    {
        var report = Analyze.Text("batch: 1 0.69 0.51\nbatch: 2 0.68 0.52\nbatch: 3 0.66 0.55\nSaving the model\n");

        Assert.Null(report.Analysis);
        Assert.Equal("completed", report.Status);
    }

    [Fact]
    public void A_run_whose_loss_column_turned_nan_is_read_as_diverged_from_the_log()
    {
        var report = Analyze.Text("batch: 1 0.69 0.51\nbatch: 2 nan 0.52\nbatch: 3 nan 0.55\n");

        Assert.Equal(("numerical_error", "numerical-metrics-non-finite"), (report.Analysis!.ErrorType, report.Analysis.RuleId));
    }

    private static ClassificationInput Clean(params string[] lines) =>
        new(null, [], [], null) { Context = [.. lines.Select((l, i) => new ContextLine(100 + i, l))] };

    private static FailureAnalysis? Classify(ClassificationInput input) => FailureClassifier.Classify(input, RuleSet.Default);
}
