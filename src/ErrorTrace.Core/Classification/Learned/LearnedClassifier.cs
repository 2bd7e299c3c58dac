using System.Globalization;
using ErrorTrace.Core.Reports;

namespace ErrorTrace.Core.Classification.Learned;

/// <summary>
/// A classifier trained on the real-log corpus' labels (<c>scripts/accuracy/train.sh</c>) instead of written by hand.
/// It asks the rules first, then decides by <see cref="LearnedMode"/>. Its
/// analyses carry <see cref="RuleId"/> and an evidence line naming the probability and the tokens that weighed most,
/// so every decision says what made it. A clean log (the rules give no analysis) stays clean unless its last lines say
/// something failed (<see cref="FailureWords"/>): the pastes of a launcher's, a cluster's or a native library's one line.
/// </summary>
/// <param name="model">Asked only when the model must decide, so a log the rules settle never loads it (the shipped
/// model is read once per process, <see cref="LearnedModel.Default"/>).</param>
/// <param name="decidePhase">In <see cref="LearnedMode.Fallback"/>: where a rule found an out-of-memory failure but no
/// phase hint placed it (<see cref="LearnedPhase"/>), the model chooses between <c>oom_eval</c> and <c>oom_training</c>.</param>
internal sealed class LearnedClassifier(RuleSet rules, Func<NaiveBayesModel> model, LearnedMode mode, bool decidePhase = false) : IFailureClassifier
{
    /// <summary>The rule id of the model's analyses.</summary>
    public const string RuleId = "learned";

    private readonly RuleClassifier _rules = new(rules);

    public FailureAnalysis? Classify(ClassificationInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var byRules = _rules.Classify(input, out var phaseUndecided);
        if (byRules is null) return mode == LearnedMode.Fallback ? FromLastLines(input) : null;
        if (mode == LearnedMode.Fallback && !LearnedDeferral.RulesDefer(byRules))
        {
            return decidePhase && phaseUndecided && LearnedPhase.Applies(byRules)
                ? LearnedPhase.Decide(input, rules, byRules, model())
                : byRules;
        }

        // Where the rules deferred, the model's best guess beats their unknown (LearnedDeferral.MinProbabilityOverRules).
        var minProbability = mode == LearnedMode.Fallback ? LearnedDeferral.MinProbabilityOverRules : 0;
        return ByModel(input, $"rules said {byRules.ErrorType} ({byRules.RuleId ?? "no rule"})", minProbability, lastLine: null) ?? byRules;
    }

    /// <summary>A log the rules find clean but whose last lines say something failed (<see cref="FailureWords"/>): the
    /// model names the category from those lines when it is sure enough; otherwise the log stays without analysis.</summary>
    private FailureAnalysis? FromLastLines(ClassificationInput input) =>
        FailureWords.Last(input.Context) is { } line
            ? ByModel(input, "no failure found; the last lines say one happened", LearnedDeferral.MinProbability, line)
            : null;

    /// <summary>The model's analysis, or null when it is less sure than <paramref name="minProbability"/> or names a
    /// category the rules file does not have. Its evidence: what it weighed and what the rules said, then the root
    /// exception, or the last line that said something failed.</summary>
    private FailureAnalysis? ByModel(ClassificationInput input, string rulesSaid, double minProbability, ContextLine? lastLine)
    {
        // The log's features alone: the model was trained (and measured) without the rule that fired.
        var prediction = model().Predict(LearnedFeatures.Extract(input, rules: null));
        if (prediction.Probability < minProbability) return null;
        if (!rules.Categories.TryGetValue(prediction.Category, out var category)) return null;
        var context = new ClassificationContext(input, rules);
        var evidence = new List<EvidenceLine>();
        Evidence.Add(evidence, Evidence.NotInLog, Explain(prediction, rulesSaid));
        if (context.RootViews.Count > 0) Evidence.AddView(evidence, context.RootViews[0], -1);
        if (lastLine is not null) Evidence.Add(evidence, lastLine.Line, lastLine.Text);
        // Always low, below every rule that vouches for its answer: the model's probability is a naive Bayes score put
        // through a softmax, not a measured chance, and in cross-validation it was wrong on two answers in five where the
        // rules deferred (312 of 729, before fixing).
        return AnalysisBuilder.Build(context, category, RuleId, Confidence.Low, rulePhase: null, description: null, ruleSuggestions: [], match: null, evidence);
    }

    /// <summary>"learned: data_error 0.997 over config_error (msg:column +3.1, type:keyerror +2.2, …); rules said unknown (no
    /// rule); naive Bayes on the corpus' labels, not a rule".</summary>
    private static string Explain(LearnedPrediction prediction, string rulesSaid)
    {
        var reasons = string.Join(", ", prediction.Reasons.Select(r => $"{r.Token} +{Number(r.Weight)}"));
        return $"learned: {prediction.Category} {Number(prediction.Probability)} over {prediction.RunnerUp} ({reasons}); " +
            $"{rulesSaid}; naive Bayes on the corpus' labels, not a rule";
    }

    /// <summary>Four decimals, and never a rounded "1": the model is never certain.</summary>
    private static string Number(double value) =>
        value >= NearlyOne ? ">0.9999" : value.ToString("0.####", CultureInfo.InvariantCulture);

    private const double NearlyOne = 0.99995;
}
