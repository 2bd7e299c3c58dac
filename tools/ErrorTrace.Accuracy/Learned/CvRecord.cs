using System.Globalization;
using System.Text;

namespace ErrorTrace.Accuracy.Learned;

/// <summary>Runs every fold scheme and renders the figures as Markdown (docs/accuracy-learned.md quotes them).</summary>
internal static class CvRecord
{
    private static readonly Strategy[] s_strategies = Enum.GetValues<Strategy>();

    public static string Render(IReadOnlyList<LearnedCase> cases, int k, int seed)
    {
        var labels = cases.Select(c => c.Label).ToList();
        var batches = cases.Select(c => c.Batch).ToList();
        var stratified = Folds.Stratified(labels, k, seed);
        var grouped = Folds.Grouped(batches, k, seed);
        var byBatch = Folds.LeaveGroupOut(batches, out var names);
        // Batches in time order: the legacy cases first (the rules came from them), then a1, a2, … as harvested.
        var inTime = Folds.InTimeOrder(batches);
        var md = new StringBuilder();
        Line(md, "# Learned classifier: cross-validation on the real-log corpus\n");
        Line(md, $"- cases: {cases.Count} in {names.Count} batches; {cases.Count(c => c.HasBefore)} of them in batches with a before-fixing record (docs/accuracy/<batch>.md)");
        Line(md, $"- clean by the rules now (no analysis; every strategy keeps them so, as the classifier does): {cases.Count(c => c.Clean)}; rules now defer on {cases.Count(c => c.RulesDefer && !c.Clean)}, rules before fixing on {cases.Count(c => c.HasBefore && c.BeforeDefer && !c.CleanOf(RulesView.BeforeFixing))}");
        Line(md, $"- K = {k}, seed = {seed}; θ chosen per outer fold by {CrossValidation.InnerFolds}-fold inner CV on its training folds only, from {{{string.Join(", ", CrossValidation.Thetas.Select(Number))}}} (1.01 = never override)");
        Line(md, "- model: multinomial naive Bayes over token presence, α = 1, tokens seen in ≥ 2 training logs\n");

        Line(md, "## With the rules of now (written from these logs: every rules figure is optimistic), all cases\n");
        Header(md, "folds | features");
        foreach (var (name, fold, isGrouped) in new[] { ($"stratified {k}-fold", stratified, false), ($"grouped {k}-fold (batches)", grouped, true), ("leave one batch out", byBatch, true) })
        {
            foreach (var ruleTokens in new[] { true, false })
            {
                var predictions = CrossValidation.Run(cases, fold, ruleTokens, isGrouped, seed, RulesView.Now);
                Row(md, $"{name} | {(ruleTokens ? "log + rule fired" : "log only")}", cases, predictions, RulesView.Now, _ => true);
            }
        }

        Line(md, "\n## With the rules as they were before fixing each batch (the honest rules figure), cases of recorded batches\n");
        Line(md, "Features: log only (the rule-fired tokens would come from the rules of now). Training folds include b00; it is never scored here.\n");
        Header(md, "folds | features");
        var lobo = CrossValidation.Run(cases, byBatch, ruleTokens: false, grouped: true, seed, RulesView.BeforeFixing);
        var forward = CrossValidation.Run(cases, inTime, ruleTokens: false, grouped: true, seed, RulesView.BeforeFixing, forward: true);
        Row(md, $"stratified {k}-fold | log only", cases, CrossValidation.Run(cases, stratified, false, false, seed, RulesView.BeforeFixing), RulesView.BeforeFixing, c => c.HasBefore);
        Row(md, $"grouped {k}-fold (batches) | log only", cases, CrossValidation.Run(cases, grouped, false, true, seed, RulesView.BeforeFixing), RulesView.BeforeFixing, c => c.HasBefore);
        Row(md, "leave one batch out | log only", cases, lobo, RulesView.BeforeFixing, c => c.HasBefore);
        Row(md, "in time order (only earlier batches train) | log only", cases, forward, RulesView.BeforeFixing, c => c.HasBefore);

        Line(md, "\n## Per batch, rules before fixing; learned trained on the other batches (LOBO) or on the earlier ones only (in time)\n");
        Line(md, "| batch | cases | rules before fixing | learned LOBO | (a) LOBO | (b) LOBO | learned in time | (a) in time | (b) in time | (a)+(b) in time |");
        Line(md, "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var batch in names.Where(b => cases.Any(c => c.Batch == b && c.HasBefore)).OrderBy(b => inTime[batches.IndexOf(b)]))
        {
            bool Of(LearnedCase c) => c.Batch == batch;
            md.Append(CultureInfo.InvariantCulture, $"| {batch} | {cases.Count(Of)} | {Accuracy(cases, lobo, Strategy.Rules, RulesView.BeforeFixing, Of)}");
            foreach (var s in new[] { Strategy.Learned, Strategy.Fallback, Strategy.Override }) md.Append(" | " + Accuracy(cases, lobo, s, RulesView.BeforeFixing, Of));
            foreach (var s in new[] { Strategy.Learned, Strategy.Fallback, Strategy.Override, Strategy.FallbackOrOverride }) md.Append(" | " + Accuracy(cases, forward, s, RulesView.BeforeFixing, Of));
            md.Append(" |\n");
        }

        md.Append(FallbackRecord.Render(cases, k, seed));
        return md.ToString();
    }

    private static void Line(StringBuilder md, string text) => md.Append(text).Append('\n');

    private static void Header(StringBuilder md, string first)
    {
        Line(md, $"| {first} | cases | rules | learned alone | (a) fallback | (b) override θ | (a)+(b) | θ (b) per fold | θ (a)+(b) per fold |");
        Line(md, "|---|---|---:|---:|---:|---:|---:|---:|---|---|");
    }

    private static void Row(StringBuilder md, string first, IReadOnlyList<LearnedCase> cases, Prediction[] predictions, RulesView view, Func<LearnedCase, bool> which)
    {
        var scored = Enumerable.Range(0, cases.Count).Where(i => which(cases[i]) && predictions[i].Predicted).ToList();
        md.Append(CultureInfo.InvariantCulture, $"| {first} | {scored.Count} |");
        foreach (var strategy in s_strategies) md.Append(CultureInfo.InvariantCulture, $" {Accuracy(cases, predictions, strategy, view, c => which(c))} |");
        md.Append(CultureInfo.InvariantCulture, $" {Thetas(scored.Select(i => predictions[i].Theta))} | {Thetas(scored.Select(i => predictions[i].ThetaBoth))} |\n");
    }

    private static string Accuracy(IReadOnlyList<LearnedCase> cases, Prediction[] predictions, Strategy strategy, RulesView view, Func<LearnedCase, bool> which)
    {
        var scored = Enumerable.Range(0, cases.Count).Where(i => which(cases[i]) && predictions[i].Predicted).ToList();
        var right = scored.Count(i => predictions[i].Decide(strategy, cases[i], view) == cases[i].Label);
        return scored.Count == 0 ? "—" : (100.0 * right / scored.Count).ToString("0.0", CultureInfo.InvariantCulture) + " %";
    }

    private static string Number(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    /// <summary>"0.99×3, 1.01×7": how many folds (by cases) chose each θ.</summary>
    private static string Thetas(IEnumerable<double> thetas) =>
        string.Join(", ", thetas.GroupBy(t => t).OrderBy(g => g.Key).Select(g => $"{Number(g.Key)}×{g.Count()}"));
}
