using ErrorTrace.Accuracy.Corpus;
using ErrorTrace.Accuracy.Scoring;
using ErrorTrace.Core.Analysis;
using ErrorTrace.Core.Classification.Learned;
using ErrorTrace.Core.Input;

namespace ErrorTrace.Accuracy.Learned;

/// <summary>Runs the engine (with the rules) once per case and keeps what the learned classifier needs.</summary>
internal static class CaseCollector
{
    public static List<LearnedCase> Collect(IReadOnlyList<RealLogCase> cases) => [.. cases.Select(One)];

    private static LearnedCase One(RealLogCase c)
    {
        var capture = new CapturingClassifier();
        LogFile.Analyze(c.LogPath, new AnalysisOptions { Classifier = capture });
        var input = capture.Input ?? throw new InvalidOperationException($"{c.Slug}: the engine never asked the classifier");
        var byRules = capture.ByRules;
        var tokens = LearnedFeatures.Extract(input, byRules);
        var without = tokens.Where(t => !t.StartsWith("rule", StringComparison.Ordinal)).ToList();
        return new LearnedCase(c, byRules?.ErrorType ?? Scorer.NoAnalysis,
            byRules is null || LearnedDeferral.RulesDefer(byRules), byRules is null, tokens, without);
    }
}
