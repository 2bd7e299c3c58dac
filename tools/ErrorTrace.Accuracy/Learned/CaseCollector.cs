using ErrorTrace.Accuracy.Corpus;
using ErrorTrace.Accuracy.Scoring;
using ErrorTrace.Core.Analysis;
using ErrorTrace.Core.Classification.Learned;
using ErrorTrace.Core.Input;

namespace ErrorTrace.Accuracy.Learned;

/// <summary>Runs the engine (with the rules) once per case and keeps what the learned classifier needs.</summary>
internal static class CaseCollector
{
    public static List<LearnedCase> Collect(IReadOnlyList<RealLogCase> cases, string? beforeDir = null)
    {
        var records = new Dictionary<string, Dictionary<string, BeforeFixing.Miss>?>(StringComparer.Ordinal);
        var collected = new List<LearnedCase>();
        foreach (var c in cases)
        {
            var one = One(c);
            if (!records.TryGetValue(c.Batch, out var misses)) records[c.Batch] = misses = BeforeFixing.Misses(beforeDir, c.Batch);
            if (misses is not null)
            {
                one = misses.TryGetValue(c.Slug, out var miss)
                    ? one with { BeforeCategory = miss.Category, BeforeDefer = Defers(miss), BeforeDeferKind = Deferral.Kind(miss.Category, miss.RuleId, RuleConfidence.Of(miss.RuleId)), BeforeRuleId = miss.RuleId }
                    : one with
                    {
                        BeforeCategory = one.Label,
                        BeforeDefer = one.RulesCategory == one.Label && one.RulesDefer,
                        BeforeDeferKind = one.RulesCategory == one.Label ? one.RulesDeferKind : null,
                    };
            }

            collected.Add(one);
        }

        return collected;
    }

    private static bool Defers(BeforeFixing.Miss miss) =>
        miss.Category == "unknown" || miss.RuleId is null or "evidence-score" || miss.RuleId.StartsWith("user-code-builtin-", StringComparison.Ordinal)
        || RuleConfidence.Of(miss.RuleId) == "low";

    private static LearnedCase One(RealLogCase c)
    {
        var capture = new CapturingClassifier();
        LogFile.Analyze(c.LogPath, new AnalysisOptions { Classifier = capture });
        var input = capture.Input ?? throw new InvalidOperationException($"{c.Slug}: the engine never asked the classifier");
        var byRules = capture.ByRules;
        var tokens = LearnedFeatures.Extract(input, byRules);
        var without = LearnedFeatures.Extract(input, rules: null);
        return new LearnedCase(c, byRules?.ErrorType ?? Scorer.NoAnalysis,
            byRules is null || LearnedDeferral.RulesDefer(byRules), byRules is null, tokens, without)
        {
            RulesDeferKind = byRules is null ? null : Deferral.Kind(byRules.ErrorType, byRules.RuleId, byRules.Confidence),
            Input = input,
            ByRules = byRules,
        };
    }
}
