using System.Globalization;
using ErrorTrace.Core.Reports;

namespace ErrorTrace.Core.Classification;

/// <summary>
/// The fallback when no rule fires: every scoring signal that holds adds its weight to its category (types, wording
/// families, frame modules, signals and exit codes, lines near the death, the phase); the top category wins. It answers
/// <c>unknown</c> only when no signal holds at all. The confidence reflects the margin: medium when the top score reaches
/// <see cref="EvidenceScoring.MediumScore"/> and leads the runner-up by <see cref="EvidenceScoring.MediumMargin"/>, else
/// low; never high, since no rule vouched for it. The evidence names the signals that counted.
/// </summary>
internal static class EvidenceScorer
{
    /// <summary>The rule id the fallback's analyses carry, so a report says that scoring decided.</summary>
    public const string RuleId = "evidence-score";

    public static FailureAnalysis? Score(ClassificationContext context)
    {
        var scoring = context.Rules.Scoring;
        var scores = new Dictionary<string, double>(StringComparer.Ordinal);
        var signals = new Dictionary<string, List<(ScoringSignal Signal, SurfaceMatch Match)>>(StringComparer.Ordinal);
        foreach (var signal in scoring.Signals)
        {
            foreach (var target in signal.Targets)
            {
                if (RuleMatcher.Match(signal.Conditions, target, context) is not { } match) continue;
                scores[signal.Category] = scores.GetValueOrDefault(signal.Category) + signal.Weight;
                if (!signals.TryGetValue(signal.Category, out var list)) signals[signal.Category] = list = [];
                list.Add((signal, match));
                break;
            }
        }

        var ranked = scores.Where(s => s.Value > 0).OrderByDescending(s => s.Value).ThenBy(s => FirstSignal(s.Key, scoring)).ToList();
        if (ranked.Count == 0) return null;

        var (category, top) = ranked[0];
        var runnerUp = ranked.Count > 1 ? ranked[1].Value : 0;
        var confidence = top >= scoring.MediumScore && top - runnerUp >= scoring.MediumMargin ? Confidence.Medium : Confidence.Low;
        var used = signals[category];
        var evidence = new List<EvidenceLine>();
        Evidence.Add(evidence, Evidence.NotInLog, Explain(category, top, used, ranked));
        foreach (var (_, match) in used)
        {
            foreach (var line in match.Evidence.Take(1)) Evidence.Add(evidence, line.Line, line.Text);
        }

        var best = used.MaxBy(u => u.Signal.Weight).Match;
        return AnalysisBuilder.Build(context, context.Rules.Categories[category], RuleId, confidence, rulePhase: null,
            description: null, ruleSuggestions: [], best, evidence);
    }

    /// <summary>Ties go to the category whose first signal comes first in the file: the file's order is its priority.</summary>
    private static int FirstSignal(string category, EvidenceScoring scoring)
    {
        for (var i = 0; i < scoring.Signals.Count; i++)
        {
            if (scoring.Signals[i].Category == category) return i;
        }

        return int.MaxValue;
    }

    /// <summary>"evidence score: cuda_error 4 (cuda-frames 1.5, cuda-wording 2.5); next: nccl_error 1".</summary>
    private static string Explain(string category, double top, List<(ScoringSignal Signal, SurfaceMatch Match)> used, List<KeyValuePair<string, double>> ranked)
    {
        var parts = string.Join(", ", used.Select(u => $"{u.Signal.Id} {Number(u.Signal.Weight)}"));
        var next = ranked.Count > 1 ? $"; next: {ranked[1].Key} {Number(ranked[1].Value)}" : "";
        return $"evidence score: {category} {Number(top)} ({parts}){next}";
    }

    private static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
