using ErrorTrace.Core.Analysis;
using ErrorTrace.Core.Classification;
using ErrorTrace.Core.Reports;
using ErrorTrace.Core.Tests.Engine;

namespace ErrorTrace.Core.Tests.Classification;

/// <summary>IFailureClassifier: the options carry one, the rules classifier is the default, another can be plugged in.</summary>
public sealed class ClassifierSeamTests
{
    private const string Log = """
        Traceback (most recent call last):
          File "/home/u/train.py", line 9, in <module>
            step()
        torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 2.00 GiB.
        """;

    [Fact]
    public void The_options_classifier_decides_the_analysis()
    {
        var plugged = new Fixed();
        var options = AnalysisOptions.Default with { Classifier = plugged };
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(Log));

        var report = ErrorTrace.Core.Input.LogFile.Analyze(stream, options, new ReportContext { JobId = "t" }, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("fixed", report.Analysis!.RuleId);
        Assert.Equal("torch.OutOfMemoryError", plugged.Seen!.Root!.ExceptionType);
        Assert.NotEmpty(plugged.Seen.Context);
    }

    [Fact]
    public void Without_one_the_rules_decide() =>
        Assert.Equal("gpu-oom", Analyze.Text(Log).Analysis!.RuleId);

    [Theory]
    [InlineData("rules", "gpu-oom")]
    [InlineData("rules-only", "gpu-oom")]
    [InlineData("scoring", "evidence-score")]
    public void Built_in_classifiers_by_name(string name, string ruleId)
    {
        var options = AnalysisOptions.Default with { Classifier = FailureClassifiers.ByName(name) };
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(Log));

        var report = ErrorTrace.Core.Input.LogFile.Analyze(stream, options, new ReportContext { JobId = "t" }, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(ruleId, report.Analysis!.RuleId);
    }

    [Fact]
    public void An_unknown_name_says_which_exist() =>
        Assert.Contains("rules, scoring, rules-only", Assert.Throws<ArgumentException>(() => FailureClassifiers.ByName("magic")).Message, StringComparison.Ordinal);

    private sealed class Fixed : IFailureClassifier
    {
        public ClassificationInput? Seen { get; private set; }

        public FailureAnalysis? Classify(ClassificationInput input)
        {
            Seen = input;
            return new FailureAnalysis { ErrorType = "user_code", ErrorPhase = "unknown", Description = "d", Confidence = "low", RuleId = "fixed" };
        }
    }
}
