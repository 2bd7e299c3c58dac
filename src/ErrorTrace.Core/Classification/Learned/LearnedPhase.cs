using System.Globalization;
using ErrorTrace.Core.Reports;

namespace ErrorTrace.Core.Classification.Learned;

/// <summary>
/// The phase of an out-of-memory failure that no phase hint placed. The rules know the mechanism (an OOM rule fired) but
/// not the phase: without a frame, bar, record or program word they give the category's default, training; in the corpus
/// such logs (mostly one-line pastes of the OOM message) are as often evaluation as training. Here the learned model,
/// restricted to <c>oom_eval</c> and <c>oom_training</c> (<see cref="NaiveBayesModel.PredictBetween"/>), chooses: the
/// allocation sizes, the device and framework words, the program's paths. Its answer names itself: rule id
/// <c>&lt;rule&gt;+learned-phase</c> and an evidence line with the probability and the tokens that weighed most; when the
/// model keeps training, the rules' analysis stands unchanged.
/// </summary>
internal static class LearnedPhase
{
    /// <summary>The suffix of the rule id when the model chose evaluation.</summary>
    public const string RuleIdSuffix = "+learned-phase";

    /// <summary>An OOM the rules called training without placing it (the rule's own phase would have placed it).</summary>
    public static bool Applies(FailureAnalysis byRules) =>
        byRules.ErrorType == FailureCategory.OomTraining && byRules.RuleId is not null;

    public static FailureAnalysis Decide(ClassificationInput input, RuleSet rules, FailureAnalysis byRules, NaiveBayesModel model)
    {
        var prediction = model.PredictBetween(LearnedFeatures.Extract(input, rules: null), FailureCategory.OomEval, FailureCategory.OomTraining);
        if (prediction.Category != FailureCategory.OomEval || !rules.Categories.TryGetValue(FailureCategory.OomEval, out var category)) return byRules;
        var evidence = new List<EvidenceLine>();
        Evidence.Add(evidence, Evidence.NotInLog, Explain(prediction, byRules.RuleId!));
        foreach (var line in byRules.Evidence) Evidence.Add(evidence, line.Line, line.Text);
        // Medium, not the rule's high: the mechanism is the rule's, the phase is the model's guess.
        var confidence = byRules.Confidence == Confidence.High ? Confidence.Medium : byRules.Confidence;
        return AnalysisBuilder.Build(new ClassificationContext(input, rules), category, byRules.RuleId + RuleIdSuffix, confidence,
            ErrorPhase.Evaluation, description: null, ruleSuggestions: [], match: null, evidence);
    }

    /// <summary>"phase learned: oom_eval 0.83 over oom_training (msg:mps +1.2, …); rule gpu-oom found the OOM, no phase hint
    /// placed it".</summary>
    private static string Explain(LearnedPrediction prediction, string ruleId)
    {
        var reasons = string.Join(", ", prediction.Reasons.Select(r => $"{r.Token} +{r.Weight.ToString("0.##", CultureInfo.InvariantCulture)}"));
        return $"phase learned: {prediction.Category} {prediction.Probability.ToString("0.####", CultureInfo.InvariantCulture)} over {prediction.RunnerUp} " +
            $"({reasons}); rule {ruleId} found the OOM, no phase hint placed it; naive Bayes on the corpus' labels, not a rule";
    }
}
