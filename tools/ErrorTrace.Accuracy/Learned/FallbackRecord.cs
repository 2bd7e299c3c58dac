using System.Globalization;
using System.Text;

namespace ErrorTrace.Accuracy.Learned;

/// <summary>
/// The fallback as shipped, cross-validated with folds grouped by project (the <c>project</c> of each case: a project's
/// logs are never in both a model's training and its test), for each set of the rules' answers it may take over
/// (<see cref="Deferral.Sets"/>) and with an abstention threshold τ: below it the fallback keeps the rules' answer
/// (<c>unknown</c> stays <c>unknown</c>). τ is chosen per outer fold by an inner grouped CV on the training folds only,
/// by utility: a right answer +1, <c>unknown</c> 0, a wrong category −1 (a wrong category sends the reader to the wrong
/// fix; <c>unknown</c> sends them to the log).
/// </summary>
internal static class FallbackRecord
{
    /// <summary>The τ tried; 0 = never abstain. Naive Bayes' posteriors crowd near 1, hence the nines.</summary>
    public static readonly IReadOnlyList<double> Taus = [0, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99, 0.999, 0.9999, 0.99999];

    /// <summary>Batches scored as held-out checks, each predicted by a model trained on every other case: i1–i3 were
    /// harvested after the first learned model, j1–j6 and k1, k2, k4 after the second (1,268 cases); their
    /// before-fixing records are the rules' honest answer; k3 and k5–k10 after the third (1,691 cases).</summary>
    public static readonly IReadOnlyList<IReadOnlyList<string>> HeldOut =
    [
        ["i1", "i2", "i3"],
        ["j1", "j2", "j3", "j4", "j5", "j6", "k1", "k2", "k4"],
        ["k3", "k5", "k6", "k7", "k8", "k9", "k10"],
    ];

    /// <summary>The library's threshold (LearnedDeferral.MinProbabilityOverRules), shown beside the inner-CV choice.</summary>
    private const double ShippedTau = ErrorTrace.Core.Classification.Learned.LearnedDeferral.MinProbabilityOverRules;

    private readonly record struct Held(string Category, double Probability);

    public static string Render(IReadOnlyList<LearnedCase> cases, int k, int seed)
    {
        var md = new StringBuilder();
        var projects = cases.Select(c => c.Case.Project).ToList();
        var outer = Folds.Grouped(projects, k, seed);
        var predictions = new Held[cases.Count];
        var taus = new double[Deferral.Sets.Count][];
        for (var s = 0; s < taus.Length; s++) taus[s] = new double[cases.Count];
        foreach (var f in outer.Distinct().Order())
        {
            var trainIdx = Enumerable.Range(0, cases.Count).Where(i => outer[i] != f).ToList();
            var chosen = ChooseTaus(cases, trainIdx, seed);
            var model = CrossValidation.Train([.. trainIdx.Select(i => cases[i])], ruleTokens: false);
            for (var i = 0; i < cases.Count; i++)
            {
                if (outer[i] != f) continue;
                var p = model.Predict(cases[i].TokensWithoutRules);
                predictions[i] = new Held(p.Category, p.Probability);
                for (var s = 0; s < taus.Length; s++) taus[s][i] = chosen[s];
            }
        }

        Line(md, $"\n## The fallback with abstention, folds grouped by project ({k}-fold, {projects.Distinct().Count()} projects, seed {seed})\n");
        Line(md, "τ per outer fold by a 5-fold inner CV grouped by project on its training folds, maximising utility (right +1, unknown 0, wrong −1). " +
            "Fixed / broke count cases against the rules; unknown → right / wrong / kept count the cases where the rules said `unknown`.\n");
        foreach (var view in new[] { RulesView.BeforeFixing, RulesView.Now })
        {
            bool Which(LearnedCase c) => view == RulesView.Now || c.HasBefore;
            Line(md, view == RulesView.BeforeFixing
                ? $"### Rules as they were before fixing each batch (honest), {cases.Count(Which)} cases\n"
                : $"### Rules of now (optimistic), {cases.Count} cases\n");
            Line(md, "| takes over | τ | rules | fallback | fixed | broke | unknown → right | unknown → wrong | unknown kept | utility rules → fallback |");
            Line(md, "|---|---|---:|---:|---:|---:|---:|---:|---:|---|");
            for (var s = 0; s < Deferral.Sets.Count; s++)
            {
                var set = Deferral.Sets[s];
                var tauOf = taus[s];
                Summary(md, cases, predictions, view, set.Kinds, _ => 0, $"{set.Name} | never abstain", Which);
                Summary(md, cases, predictions, view, set.Kinds, i => tauOf[i], $"{set.Name} | inner CV: {Counts(Enumerable.Range(0, cases.Count).Where(i => Which(cases[i])).Select(i => tauOf[i]))}", Which);
                Summary(md, cases, predictions, view, set.Kinds, _ => ShippedTau, $"{set.Name} | shipped: {Number(ShippedTau)}", Which);
            }

            Line(md, "");
        }

        // Calibration: how often the model is right among the cases it would take over, by probability.
        Line(md, "### Where the model decides (before-fixing view, all deferral kinds), by its probability\n");
        Line(md, "| probability | cases | model right | model wrong | rules right there | rules said unknown there |");
        Line(md, "|---|---:|---:|---:|---:|---:|");
        var edges = new[] { 0, 0.5, 0.9, 0.99, 0.999, 0.9999, 1.01 };
        for (var b = 0; b + 1 < edges.Length; b++)
        {
            var (lo, hi) = (edges[b], edges[b + 1]);
            var bin = Enumerable.Range(0, cases.Count).Where(i => cases[i].HasBefore && !cases[i].CleanOf(RulesView.BeforeFixing)
                && cases[i].DeferKindOf(RulesView.BeforeFixing) is not null && predictions[i].Probability >= lo && predictions[i].Probability < hi).ToList();
            Line(md, $"| [{Number(lo)}, {Number(hi)}) | {bin.Count} | {bin.Count(i => predictions[i].Category == cases[i].Label)} | {bin.Count(i => predictions[i].Category != cases[i].Label)} " +
                $"| {bin.Count(i => cases[i].RulesOf(RulesView.BeforeFixing) == cases[i].Label)} | {bin.Count(i => cases[i].RulesOf(RulesView.BeforeFixing) == "unknown")} |");
        }

        for (var s = 0; s < Deferral.Sets.Count; s++)
        {
            var tauOf = taus[s];
            PerCategory(md, cases, predictions, Deferral.Sets[s], i => tauOf[i]);
        }

        // One τ for the shipped model: the best utility over the outer held-out predictions of the whole corpus.
        Line(md, "\n### τ over the outer held-out predictions (the shipped constant is chosen here)\n");
        Sweep(md, cases, predictions, i => true);
        Line(md, "\nCells: right / wrong answers of the whole combination (utility = right − wrong; unknown counts 0).\n");
        foreach (var batches in HeldOut) HeldOutCheck(md, cases, batches, seed);
        return md.ToString();
    }

    /// <summary>The cases of <paramref name="heldOut"/> predicted by a model trained on every other case (<see cref="HeldOut"/>).</summary>
    private static void HeldOutCheck(StringBuilder md, IReadOnlyList<LearnedCase> cases, IReadOnlyList<string> heldOut, int seed)
    {
        var test = Enumerable.Range(0, cases.Count).Where(i => heldOut.Contains(cases[i].Batch)).ToList();
        if (test.Count == 0) return;
        var trainIdx = Enumerable.Range(0, cases.Count).Where(i => !heldOut.Contains(cases[i].Batch)).ToList();
        var chosen = ChooseTaus(cases, trainIdx, seed);
        var model = CrossValidation.Train([.. trainIdx.Select(i => cases[i])], ruleTokens: false);
        var predictions = new Held[cases.Count];
        foreach (var i in test)
        {
            var p = model.Predict(cases[i].TokensWithoutRules);
            predictions[i] = new Held(p.Category, p.Probability);
        }

        Line(md, $"### Held out: {string.Join(", ", heldOut)} ({test.Count} cases), model trained on the other {trainIdx.Count}\n");
        Line(md, "| takes over | τ | rules | fallback | fixed | broke | unknown → right | unknown → wrong | unknown kept | utility rules → fallback |");
        Line(md, "|---|---|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var view in new[] { RulesView.BeforeFixing, RulesView.Now })
        {
            for (var s = 0; s < Deferral.Sets.Count; s++)
            {
                var set = Deferral.Sets[s];
                var tau = chosen[s];
                var label = view == RulesView.Now ? "rules of now" : "before fixing";
                Summary(md, cases, predictions, view, set.Kinds, _ => 0, $"{set.Name}, {label} | never abstain", c => heldOut.Contains(c.Batch));
                Summary(md, cases, predictions, view, set.Kinds, _ => tau, $"{set.Name}, {label} | inner CV: {Number(tau)}", c => heldOut.Contains(c.Batch));
                Summary(md, cases, predictions, view, set.Kinds, _ => ShippedTau, $"{set.Name}, {label} | shipped: {Number(ShippedTau)}", c => heldOut.Contains(c.Batch));
            }
        }

        Line(md, "");
        Sweep(md, cases, predictions, i => heldOut.Contains(cases[i].Batch));
        Line(md, "\nCells: right / wrong answers of the whole combination (utility = right − wrong; unknown counts 0).\n");
    }

    private static void Sweep(StringBuilder md, IReadOnlyList<LearnedCase> cases, Held[] predictions, Func<int, bool> which)
    {
        Line(md, "| takes over | view | " + string.Join(" | ", Taus.Select(t => "τ " + Number(t))) + " |");
        Line(md, "|---|---|" + string.Concat(Taus.Select(_ => "---:|")));
        foreach (var set in Deferral.Sets)
        {
            foreach (var view in new[] { RulesView.BeforeFixing, RulesView.Now })
            {
                var cells = Taus.Select(t =>
                {
                    var (right, wrong) = Tally(cases, predictions, view, set.Kinds, _ => t, i => which(i) && (view == RulesView.Now || cases[i].HasBefore));
                    return $"{right}/{wrong} ({right - wrong:+0;-0})";
                });
                Line(md, $"| {set.Name} | {(view == RulesView.Now ? "now" : "before fixing")} | {string.Join(" | ", cells)} |");
            }
        }
    }

    /// <summary>Per deferral set, the τ with the best utility on inner held-out predictions of the training cases.</summary>
    private static double[] ChooseTaus(IReadOnlyList<LearnedCase> cases, List<int> trainIdx, int seed)
    {
        var inner = Folds.Grouped([.. trainIdx.Select(i => cases[i].Case.Project)], CrossValidation.InnerFolds, seed);
        var held = new Held[cases.Count];
        for (var f = 0; f < CrossValidation.InnerFolds; f++)
        {
            var model = CrossValidation.Train([.. trainIdx.Where((_, j) => inner[j] != f).Select(i => cases[i])], ruleTokens: false);
            for (var j = 0; j < trainIdx.Count; j++)
            {
                if (inner[j] != f) continue;
                var p = model.Predict(cases[trainIdx[j]].TokensWithoutRules);
                held[trainIdx[j]] = new Held(p.Category, p.Probability);
            }
        }

        var inTrain = new HashSet<int>(trainIdx);
        return [.. Deferral.Sets.Select(set =>
        {
            var best = Taus[^1];
            var bestUtility = int.MinValue;
            // Ties go to the higher τ: abstain rather than guess when it costs nothing.
            foreach (var tau in Taus.Reverse())
            {
                var (right, wrong) = Tally(cases, held, RulesView.BeforeFixing, set.Kinds, _ => tau, inTrain.Contains);
                if (right - wrong > bestUtility) (best, bestUtility) = (tau, right - wrong);
            }

            return best;
        })];
    }

    private static string Decide(LearnedCase c, Held p, RulesView view, string[] kinds, double tau)
    {
        var rules = c.RulesOf(view);
        if (c.CleanOf(view) || p.Category is null) return rules;
        return c.DeferKindOf(view) is { } kind && kinds.Contains(kind) && p.Probability >= tau ? p.Category : rules;
    }

    private static (int Right, int Wrong) Tally(IReadOnlyList<LearnedCase> cases, Held[] predictions, RulesView view, string[] kinds, Func<int, double> tau, Func<int, bool> which)
    {
        var (right, wrong) = (0, 0);
        for (var i = 0; i < cases.Count; i++)
        {
            if (!which(i)) continue;
            var answer = Decide(cases[i], predictions[i], view, kinds, tau(i));
            if (answer == cases[i].Label) right++;
            else if (answer is not "unknown" and not Scoring.Scorer.NoAnalysis) wrong++;
        }

        return (right, wrong);
    }

    private static void Summary(StringBuilder md, IReadOnlyList<LearnedCase> cases, Held[] predictions, RulesView view, string[] kinds, Func<int, double> tau, string first, Func<LearnedCase, bool> which)
    {
        var idx = Enumerable.Range(0, cases.Count).Where(i => which(cases[i])).ToList();
        int rulesRight = 0, right = 0, fixedCount = 0, broke = 0, toRight = 0, toWrong = 0, kept = 0, rulesWrong = 0, wrong = 0;
        foreach (var i in idx)
        {
            var c = cases[i];
            var rules = c.RulesOf(view);
            var answer = Decide(c, predictions[i], view, kinds, tau(i));
            var (r, a) = (rules == c.Label, answer == c.Label);
            if (r) rulesRight++;
            else if (rules is not "unknown" and not Scoring.Scorer.NoAnalysis) rulesWrong++;
            if (a) right++;
            else if (answer is not "unknown" and not Scoring.Scorer.NoAnalysis) wrong++;
            if (a && !r) fixedCount++;
            if (r && !a) broke++;
            if (rules != "unknown") continue;
            if (answer == "unknown") kept++;
            else if (a) toRight++;
            else toWrong++;
        }

        Line(md, $"| {first} | {Pct(rulesRight, idx.Count)} | {Pct(right, idx.Count)} | {fixedCount} | {broke} | {toRight} | {toWrong} | {kept} | {rulesRight - rulesWrong} → {right - wrong} |");
    }

    private static void PerCategory(StringBuilder md, IReadOnlyList<LearnedCase> cases, Held[] predictions, (string Name, string[] Kinds) set, Func<int, double> tau)
    {
        var view = RulesView.BeforeFixing;
        Line(md, $"\n### Per category, before-fixing view, takes over {set.Name}, τ by inner CV\n");
        Line(md, "| category | cases | rules right | fallback right | fixed | broke | model's wrong answers *as* this category |");
        Line(md, "|---|---:|---:|---:|---:|---:|---:|");
        var idx = Enumerable.Range(0, cases.Count).Where(i => cases[i].HasBefore).ToList();
        foreach (var category in Corpus.CorpusReader.Categories)
        {
            var of = idx.Where(i => cases[i].Label == category).ToList();
            var decided = of.Select(i => (Rules: cases[i].RulesOf(view) == category, Fallback: Decide(cases[i], predictions[i], view, set.Kinds, tau(i)) == category)).ToList();
            var wrongAs = idx.Count(i => cases[i].Label != category && cases[i].RulesOf(view) != category && Decide(cases[i], predictions[i], view, set.Kinds, tau(i)) == category);
            Line(md, $"| {category} | {of.Count} | {decided.Count(d => d.Rules)} | {decided.Count(d => d.Fallback)} | {decided.Count(d => d.Fallback && !d.Rules)} | {decided.Count(d => d.Rules && !d.Fallback)} | {wrongAs} |");
        }
    }

    private static string Counts(IEnumerable<double> taus) =>
        string.Join(", ", taus.GroupBy(t => t).OrderBy(g => g.Key).Select(g => $"{Number(g.Key)}×{g.Count()}"));

    private static string Pct(int right, int count) =>
        count == 0 ? "—" : (100.0 * right / count).ToString("0.0", CultureInfo.InvariantCulture) + " %";

    private static string Number(double value) => value.ToString("0.#####", CultureInfo.InvariantCulture);

    private static void Line(StringBuilder md, string text) => md.Append(text).Append('\n');
}
