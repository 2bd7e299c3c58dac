using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ErrorTrace.Accuracy.Learned;

/// <summary>Runs every fold scheme and renders the figures as Markdown (docs/accuracy-learned.md quotes them).</summary>
internal static partial class CvRecord
{
    private static readonly Strategy[] s_strategies = Enum.GetValues<Strategy>();

    public static string Render(IReadOnlyList<LearnedCase> cases, int k, int seed, string? beforeDir)
    {
        var labels = cases.Select(c => c.Label).ToList();
        var batches = cases.Select(c => c.Batch).ToList();
        var md = new StringBuilder();
        md.Append(CultureInfo.InvariantCulture, $"# Learned classifier: cross-validation on the real-log corpus\n\n");
        md.Append(CultureInfo.InvariantCulture, $"- cases: {cases.Count} in {batches.Distinct().Count()} batches; clean by the rules (no analysis, kept so by every strategy): {cases.Count(c => c.Clean)}; rules defer on {cases.Count(c => c.RulesDefer && !c.Clean)}\n");
        md.Append(CultureInfo.InvariantCulture, $"- K = {k}, seed = {seed}; θ chosen per outer fold by {CrossValidation.InnerFolds}-fold inner CV on its training folds from {{{string.Join(", ", CrossValidation.Thetas.Select(Pct))}}} (1.01 = never)\n");
        md.Append("- model: multinomial naive Bayes over token presence, α = 1, tokens seen in ≥ 2 training logs\n\n");
        md.Append("| folds | features | rules (now) | learned alone | (a) fallback | (b) override θ | (a)+(b) | θ (b) per fold | θ (a)+(b) per fold |\n|---|---|---:|---:|---:|---:|---:|---|---|\n");
        var schemes = new (string Name, int[] Fold, bool Grouped)[]
        {
            ($"stratified {k}-fold", Folds.Stratified(labels, k, seed), false),
            ($"grouped {k}-fold (batches)", Folds.Grouped(batches, k, seed), true),
            ("leave one batch out", Folds.LeaveGroupOut(batches, out var names), true),
        };
        Prediction[]? perBatch = null;
        foreach (var (name, fold, grouped) in schemes)
        {
            foreach (var ruleTokens in new[] { true, false })
            {
                var predictions = CrossValidation.Run(cases, fold, ruleTokens, grouped, seed);
                if (name == "leave one batch out" && ruleTokens) perBatch = predictions;
                md.Append(CultureInfo.InvariantCulture, $"| {name} | {(ruleTokens ? "log + rule fired" : "log only")} |");
                foreach (var strategy in s_strategies) md.Append(CultureInfo.InvariantCulture, $" {Accuracy(cases, predictions, strategy, _ => true)} |");
                md.Append(CultureInfo.InvariantCulture, $" {Thetas(predictions.Select(p => p.Theta))} | {Thetas(predictions.Select(p => p.ThetaBoth))} |\n");
            }
        }

        md.Append("\n## Per batch, leave one batch out (features: log + rule fired)\n\n");
        md.Append("| batch | cases | rules before fixing | rules (now) | learned alone | (a) fallback | (b) override θ | (a)+(b) |\n|---|---:|---:|---:|---:|---:|---:|---:|\n");
        var beforeRight = 0;
        var beforeCases = 0;
        var sums = new int[s_strategies.Length];
        var sumCases = 0;
        foreach (var batch in names)
        {
            var n = cases.Count(c => c.Batch == batch);
            var before = Before(beforeDir, batch);
            md.Append(CultureInfo.InvariantCulture, $"| {batch} | {n} | {(before is { } b ? $"{Pct(b.Right, b.Cases)}" : "—")} |");
            foreach (var strategy in s_strategies) md.Append(CultureInfo.InvariantCulture, $" {Accuracy(cases, perBatch!, strategy, c => c.Batch == batch)} |");
            md.Append('\n');
            if (before is { } known)
            {
                beforeRight += known.Right;
                beforeCases += known.Cases;
                sumCases += n;
                for (var s = 0; s < s_strategies.Length; s++) sums[s] += Right(cases, perBatch!, s_strategies[s], c => c.Batch == batch);
            }
        }

        md.Append(CultureInfo.InvariantCulture, $"| **batches with a before-fixing record** | {sumCases} | **{Pct(beforeRight, beforeCases)}** |");
        foreach (var right in sums) md.Append(CultureInfo.InvariantCulture, $" **{Pct(right, sumCases)}** |");
        md.Append('\n');
        return md.ToString();
    }

    private static int Right(IReadOnlyList<LearnedCase> cases, Prediction[] predictions, Strategy strategy, Func<LearnedCase, bool> which) =>
        Enumerable.Range(0, cases.Count).Count(i => which(cases[i]) && predictions[i].Decide(strategy, cases[i]) == cases[i].Label);

    private static string Accuracy(IReadOnlyList<LearnedCase> cases, Prediction[] predictions, Strategy strategy, Func<LearnedCase, bool> which) =>
        Pct(Right(cases, predictions, strategy, which), cases.Count(which));

    private static string Pct(int right, int total) => total == 0 ? "—" : (100.0 * right / total).ToString("0.0", CultureInfo.InvariantCulture) + " %";

    private static string Pct(double theta) => theta.ToString("0.####", CultureInfo.InvariantCulture);

    private static string Thetas(IEnumerable<double> thetas) =>
        string.Join(", ", thetas.GroupBy(t => t).OrderBy(g => g.Key).Select(g => $"{Pct(g.Key)}×{g.Count()}"));

    /// <summary>The batch's before-fixing category figure from its record (docs/accuracy/&lt;batch&gt;.md), if any.</summary>
    private static (int Right, int Cases)? Before(string? dir, string batch)
    {
        var path = dir is null ? null : Path.Combine(dir, batch + ".md");
        if (path is null || !File.Exists(path)) return null;
        var match = CategoryRow().Match(File.ReadAllText(path));
        return match.Success ? (int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture)) : null;
    }

    [GeneratedRegex(@"^\| category \| (\d+) \| (\d+) \|", RegexOptions.Multiline)]
    private static partial Regex CategoryRow();
}
