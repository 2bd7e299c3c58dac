using System.Globalization;
using ErrorTrace.Core.Reports;

namespace ErrorTrace.Core.Classification.Learned;

/// <summary>
/// A classifier trained on the real-log corpus' labels (<c>scripts/accuracy/train.sh</c>) instead of written by hand.
/// It asks the rules first, then decides by <see cref="LearnedMode"/>. Its
/// analyses carry <see cref="RuleId"/> and an evidence line naming the probability and the tokens that weighed most,
/// so every decision says what made it. A clean log (the rules give no analysis) stays clean: the model only ever
/// saw failures.
/// </summary>
internal sealed class LearnedClassifier(RuleSet rules, NaiveBayesModel model, LearnedMode mode) : IFailureClassifier
{
    /// <summary>The rule id of the model's analyses.</summary>
    public const string RuleId = "learned";

    /// <summary>The probability from which the model's answer is reported as medium confidence; below, low. Never high:
    /// no rule vouched for it.</summary>
    public const double MediumProbability = 0.9;

    private readonly RuleClassifier _rules = new(rules);

    public FailureAnalysis? Classify(ClassificationInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var byRules = _rules.Classify(input);
        if (byRules is null) return null;
        if (mode == LearnedMode.Fallback && !LearnedDeferral.RulesDefer(byRules)) return byRules;

        // The log's features alone: the model was trained (and measured) without the rule that fired.
        var prediction = model.Predict(LearnedFeatures.Extract(input, rules: null));
        if (!rules.Categories.TryGetValue(prediction.Category, out var category)) return byRules;
        var context = new ClassificationContext(input, rules);
        var evidence = new List<EvidenceLine>();
        Evidence.Add(evidence, Evidence.NotInLog, Explain(prediction, byRules));
        if (context.RootViews.Count > 0) Evidence.AddView(evidence, context.RootViews[0], -1);
        var confidence = prediction.Probability >= MediumProbability ? Confidence.Medium : Confidence.Low;
        return AnalysisBuilder.Build(context, category, RuleId, confidence, rulePhase: null, description: null, ruleSuggestions: [], match: null, evidence);
    }

    /// <summary>"learned: data_error 0.97 over config_error (msg:column +3.1, type:keyerror +2.2, …); rules said user_code (user-code-builtin-in-library)".</summary>
    private static string Explain(LearnedPrediction prediction, FailureAnalysis byRules)
    {
        var reasons = string.Join(", ", prediction.Reasons.Select(r => $"{r.Token} +{Number(r.Weight)}"));
        return $"learned: {prediction.Category} {Number(prediction.Probability)} over {prediction.RunnerUp} ({reasons}); " +
            $"rules said {byRules.ErrorType} ({byRules.RuleId ?? "no rule"})";
    }

    private static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
