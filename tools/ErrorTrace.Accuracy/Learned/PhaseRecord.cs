using System.Text;
using ErrorTrace.Core.Classification;
using ErrorTrace.Core.Classification.Learned;

namespace ErrorTrace.Accuracy.Learned;

/// <summary>
/// Cross-validates the learned phase (<c>FailureClassifiers.RulesThenLearned(learnedPhase: true)</c>): where an OOM rule
/// fired but no phase hint placed the failure, the model, restricted to <c>oom_eval</c> and <c>oom_training</c>, chooses
/// instead of the default (training). Folds grouped by project; each fold's cases are classified by the shipped
/// classifier with a model trained on the other folds only, with and without the learned phase. Also without the l8
/// batch (harvested for the phase question, so heavier in evaluation OOMs than a fleet's logs), cases and training both.
/// </summary>
internal static class PhaseRecord
{
    private const string PhaseBatch = "l8";

    private static readonly RuleClassifier s_rules = new(RuleSet.Default);

    /// <summary>Thresholds on the model's probability of evaluation before it overrides the default (a sensitivity check,
    /// read on the same held-out predictions: not a tuned figure).</summary>
    private static readonly double[] Taus = [0.5, 0.6, 0.7, 0.8, 0.9];

    public static string Render(IReadOnlyList<LearnedCase> cases, int k, int seed)
    {
        var md = new StringBuilder();
        md.AppendLine($"## The learned phase of OOMs no hint placed, folds grouped by project ({k}-fold, seed {seed})").AppendLine();
        md.AppendLine("| cases | OOM decided by the model | default right | learned right | fixed | broke | eval chosen | right if eval needs p ≥ " +
            string.Join(" / ", Taus) + " | the same, two-class multinomial on OOM cases |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|---:|---|---|");
        Row(md, "every case", cases, k, seed);
        Row(md, $"without {PhaseBatch}", [.. cases.Where(c => c.Batch != PhaseBatch)], k, seed);
        return md.ToString();
    }

    private static void Row(StringBuilder md, string name, IReadOnlyList<LearnedCase> cases, int k, int seed)
    {
        var fold = Folds.Grouped([.. cases.Select(c => c.Case.Project)], k, seed);
        int decided = 0, defaultRight = 0, learnedRight = 0, fixedCount = 0, broke = 0, eval = 0;
        var byTau = new int[Taus.Length];
        var twoClass = new int[Taus.Length];
        foreach (var f in fold.Distinct().Order())
        {
            var model = CrossValidation.Train([.. cases.Where((_, i) => fold[i] != f)], ruleTokens: false);
            // The variant: a two-class multinomial trained on the OOM cases alone.
            var oom = NaiveBayesTrainer.Train([.. cases.Where((c, i) => fold[i] != f && c.Label is FailureCategory.OomEval or FailureCategory.OomTraining)
                .Select(c => (c.TokensWithoutRules, c.Label))], [FailureCategory.OomEval, FailureCategory.OomTraining], NaiveBayesTrainer.ShippedAlpha);
            var without = FailureClassifiers.RulesThenLearned(model: model);
            var with = FailureClassifiers.RulesThenLearned(model: model, learnedPhase: true);
            for (var i = 0; i < cases.Count; i++)
            {
                if (fold[i] != f || cases[i].Input is not { } input) continue;
                // Only where the model is asked: a rule decided, an OOM in training by default, no hint placed it.
                if (s_rules.Classify(input, out var undecided) is not { } byRules || !undecided || !LearnedPhase.Applies(byRules)
                    || LearnedDeferral.RulesDefer(byRules)) continue;
                var before = without.Classify(input)!;
                var after = with.Classify(input)!;
                decided++;
                var label = cases[i].Label;
                var p = model.PredictBetween(cases[i].TokensWithoutRules, FailureCategory.OomEval, FailureCategory.OomTraining);
                var pEval = p.Category == FailureCategory.OomEval ? p.Probability : 1 - p.Probability;
                var two = oom.PredictBetween(cases[i].TokensWithoutRules, FailureCategory.OomEval, FailureCategory.OomTraining);
                var pTwo = two.Category == FailureCategory.OomEval ? two.Probability : 1 - two.Probability;
                for (var t = 0; t < Taus.Length; t++)
                {
                    if ((pEval >= Taus[t] ? FailureCategory.OomEval : FailureCategory.OomTraining) == label) byTau[t]++;
                    if ((pTwo >= Taus[t] ? FailureCategory.OomEval : FailureCategory.OomTraining) == label) twoClass[t]++;
                }

                if (before.ErrorType == label) defaultRight++;
                if (after.ErrorType == label) learnedRight++;
                if (after.ErrorType == FailureCategory.OomEval) eval++;
                if (before.ErrorType != label && after.ErrorType == label) fixedCount++;
                if (before.ErrorType == label && after.ErrorType != label) broke++;
            }
        }

        md.AppendLine($"| {name} ({cases.Count}) | {decided} | {defaultRight} | {learnedRight} | {fixedCount} | {broke} | {eval} | {string.Join(" / ", byTau)} | {string.Join(" / ", twoClass)} |");
    }

}
