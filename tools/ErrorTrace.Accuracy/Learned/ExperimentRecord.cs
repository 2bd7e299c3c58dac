using System.Globalization;
using System.Text;
using ErrorTrace.Accuracy.Corpus;
using ErrorTrace.Core.Classification.Learned;

namespace ErrorTrace.Accuracy.Learned;

/// <summary>
/// One experiment per row, each measured the same way: 10-fold cross-validation grouped by project (a project's logs
/// never in both a model's training and its test), outer held-out predictions only, the fallback at a few τ; plus the
/// held-out batches (each predicted by a model trained on every other case). Cells: right / wrong / abstain (the
/// combination's answer stays <c>unknown</c>) and utility (right − wrong).
/// </summary>
internal static class ExperimentRecord
{
    /// <summary>The τ shown per experiment; 0 = never abstain.</summary>
    private static readonly double[] s_taus = [0, 0.5, 0.6, 0.7, 0.8, 0.9];

    /// <summary>The τ of the per-category table (the shipped one).</summary>
    private const double CategoryTau = LearnedDeferral.MinProbabilityOverRules;

    private static readonly string[][] s_heldOut =
    [
        ["k3", "k5", "k6", "k7", "k8", "k9", "k10"],
        ["j1", "j2", "j3", "j4", "j5", "j6", "k1", "k2", "k4"],
    ];

    internal enum ModelKind { Multinomial, UniformPrior, Bernoulli, Complement, Logistic }

    /// <param name="Extra">Feature groups of <see cref="ExperimentFeatures"/> (comma-separated).</param>
    /// <param name="Reach">Which rules the model may overrule (<see cref="RuleBreadth.Reaches"/>; "none").</param>
    /// <param name="ReachTau">The probability the model needs to overrule such a rule.</param>
    /// <param name="L2">λ of <see cref="ModelKind.Logistic"/> (<see cref="LogisticTrainer"/>).</param>
    /// <param name="Epochs">Its passes over the training logs.</param>
    /// <param name="Rate">Its first step size η₀.</param>
    /// <param name="Norm">Its features scaled to unit length (1/√n for a log of n known tokens) instead of 0/1.</param>
    /// <param name="Prior">"model" (the kind's own priors), "empirical" (log of each category's share of the training
    /// logs added to a complement model's flat priors), "half" (half of it).</param>
    internal sealed record Variant(string Name, LearnedFeatureSet Features, ModelKind Model = ModelKind.Multinomial, double Alpha = 1, int MinLogs = 2,
        string Defer = "base", double CtxWeight = 1, string Extra = "", string Reach = "none", double ReachTau = 1.01, string Prior = "model", double Tau = CategoryTau,
        double L2 = 1e-4, int Epochs = 30, double Rate = 0.5, bool Norm = false);

    private const string Shipped = "model=Complement;alpha=0.3;defer=low";

    private static readonly string[] s_variants =
    [
        Shipped,
        Shipped + ";reach=typeonly;reachtau=0.9",
        Shipped + ";reach=typeonly;reachtau=0.99",
        Shipped + ";reach=medium;reachtau=0.9",
        Shipped + ";reach=medium;reachtau=0.99",
        Shipped + ";reach=medium;reachtau=0.999",
        Shipped + ";reach=any;reachtau=0.99",
        Shipped + ";reach=any;reachtau=0.999",
        Shipped + ";extra=pkg",
        Shipped + ";extra=owner",
        Shipped + ";extra=pkg,owner",
        Shipped + ";features=ChainFrames",
        Shipped + ";features=ChainTypes",
        Shipped + ";features=LastLines",
        Shipped + ";features=UserFrame",
        Shipped + ";prior=empirical",
        Shipped + ";prior=half",
    ];

    public static string Render(IReadOnlyList<LearnedCase> cases, int k, int seed, string? only)
    {
        if (only is not null && only.StartsWith("insample:", StringComparison.Ordinal)) return InSample(cases, [.. only["insample:".Length..].Split('|').Select(Parse)]);
        if (only is not null && only.StartsWith("diff:", StringComparison.Ordinal)) return Diff(cases, [.. only["diff:".Length..].Split('|').Select(Parse)]);
        var md = new StringBuilder();
        var outer = Folds.Grouped([.. cases.Select(c => c.Case.Project)], k, seed);
        var lobo = Folds.LeaveGroupOut([.. cases.Select(c => c.Batch)], out var batchNames);
        var before = Enumerable.Range(0, cases.Count).Where(i => cases[i].HasBefore).ToList();
        var all = Enumerable.Range(0, cases.Count).ToList();
        Line(md, $"# Experiments: {k}-fold grouped by project and leave one batch out ({batchNames.Count} batches), seed {seed}; {cases.Count} cases ({before.Count} with a before-fixing record)\n");
        Line(md, "Cells: right / wrong / abstain (utility). 'before' = rules as before fixing (honest); 'now' = rules of now (optimistic); 'project' = 10-fold grouped by project, " +
            "'LOBO' = each batch predicted by a model trained on the other batches; held-out rows: model trained on every other case, rules before fixing.\n");
        Line(md, "| experiment | τ | before, project | before, LOBO | now, project | now, LOBO | held k3,k5–k10 | held j1–j6,k1,k2,k4 |");
        Line(md, "|---|---|---|---|---|---|---|---|");
        Variant[] variants = only is null ? [.. s_variants.Select(Parse)]
            : only.Contains('=', StringComparison.Ordinal) ? [.. only.Split('|').Select(Parse)]
            : [.. s_variants.Where(v => v.Contains(only, StringComparison.Ordinal)).Select(Parse)];
        var perCategory = new List<string>();
        foreach (var v in variants)
        {
            var tokens = cases.Select(c => ExperimentFeatures.Add(LearnedFeatures.Extract(c.Input!, rules: null, v.Features, ruleSet: null), c.Input!, v.Extra)).ToArray();
            var predictions = Predictions(cases, tokens, outer, v);
            var byBatch = Predictions(cases, tokens, lobo, v);
            var held = new (string Category, double Probability)[cases.Count];
            foreach (var batches in s_heldOut)
            {
                var model = Predictor(cases, tokens, all.Where(i => !batches.Contains(cases[i].Batch)), v);
                foreach (var i in all.Where(i => batches.Contains(cases[i].Batch))) held[i] = model(tokens[i]);
            }

            var size = tokens.SelectMany(t => t).Distinct(StringComparer.Ordinal).Count();
            foreach (var tau in s_taus)
            {
                var cells = new[]
                {
                    Cell(cases, predictions, before, RulesView.BeforeFixing, tau, v),
                    Cell(cases, byBatch, before, RulesView.BeforeFixing, tau, v),
                    Cell(cases, predictions, all, RulesView.Now, tau, v),
                    Cell(cases, byBatch, all, RulesView.Now, tau, v),
                    Cell(cases, held, [.. before.Where(i => s_heldOut[0].Contains(cases[i].Batch))], RulesView.BeforeFixing, tau, v),
                    Cell(cases, held, [.. before.Where(i => s_heldOut[1].Contains(cases[i].Batch))], RulesView.BeforeFixing, tau, v),
                };
                Line(md, $"| {v.Name} ({size} distinct tokens) | {Number(tau)} | {string.Join(" | ", cells)} |");
            }

            perCategory.Add($"| {v.Name} | " + string.Join(" | ", CorpusReader.Categories.Select(category =>
                $"{before.Count(i => cases[i].Label == category && ExperimentDecision.Answer(cases[i], byBatch[i], RulesView.BeforeFixing, v.Tau, v) == category)}")) + " |");
        }

        Line(md, $"\n### Right per category, before fixing, leave one batch out, τ of each row ('tau=', else {Number(CategoryTau)}; no category may collapse)\n");
        Line(md, "| experiment | " + string.Join(" | ", CorpusReader.Categories) + " |");
        Line(md, "|---|" + string.Concat(CorpusReader.Categories.Select(_ => "---:|")));
        Line(md, "| rules before fixing | " + string.Join(" | ", CorpusReader.Categories.Select(category =>
            $"{before.Count(i => cases[i].Label == category && cases[i].RulesOf(RulesView.BeforeFixing) == category)}")) + " |");
        foreach (var row in perCategory) Line(md, row);
        Line(md, "| cases | " + string.Join(" | ", CorpusReader.Categories.Select(category => $"{before.Count(i => cases[i].Label == category)}")) + " |");
        return md.ToString();
    }

    private static (string Category, double Probability)[] Predictions(IReadOnlyList<LearnedCase> cases, IReadOnlyList<string>[] tokens, int[] fold, Variant v)
    {
        var predictions = new (string Category, double Probability)[cases.Count];
        foreach (var f in fold.Distinct().Order())
        {
            var model = Predictor(cases, tokens, Enumerable.Range(0, cases.Count).Where(i => fold[i] != f), v);
            for (var i = 0; i < cases.Count; i++)
            {
                if (fold[i] == f) predictions[i] = model(tokens[i]);
            }
        }

        return predictions;
    }

    /// <summary>Two variants' leave-one-batch-out answers, rules before fixing, τ 0.5 each: the cases where they differ,
    /// so an experiment's net gain can be read case by case (which it fixed, which it broke).</summary>
    private static string Diff(IReadOnlyList<LearnedCase> cases, Variant[] pair)
    {
        var lobo = Folds.LeaveGroupOut([.. cases.Select(c => c.Batch)], out _);
        var which = Enumerable.Range(0, cases.Count).Where(i => cases[i].HasBefore).ToList();
        var answers = pair.Select(v =>
        {
            var tokens = cases.Select(c => ExperimentFeatures.Add(LearnedFeatures.Extract(c.Input!, rules: null, v.Features, ruleSet: null), c.Input!, v.Extra)).ToArray();
            var p = Predictions(cases, tokens, lobo, v);
            return cases.Select((c, i) => (Answer: ExperimentDecision.Answer(c, p[i], RulesView.BeforeFixing, v.Tau, v), P: p[i])).ToArray();
        }).ToArray();
        var md = new StringBuilder();
        var changed = which.Where(i => answers[0][i].Answer != answers[1][i].Answer).ToList();
        Line(md, $"LOBO, before fixing, τ {Number(pair[0].Tau)} / {Number(pair[1].Tau)}: {changed.Count} cases differ; fixed {changed.Count(i => answers[1][i].Answer == cases[i].Label)}, " +
            $"broke {changed.Count(i => answers[0][i].Answer == cases[i].Label)}");
        foreach (var i in changed)
        {
            var mark = answers[1][i].Answer == cases[i].Label ? "fixed" : answers[0][i].Answer == cases[i].Label ? "broke" : "moved";
            Line(md, $"{mark} {cases[i].Batch} {cases[i].Case.Slug}: {answers[0][i].Answer} -> {answers[1][i].Answer} ({Number(answers[1][i].P.Probability)}; label {cases[i].Label}; " +
                $"rule {ExperimentDecision.RuleOf(cases[i], RulesView.BeforeFixing) ?? "?"})");
        }

        return md.ToString();
    }

    /// <summary>Both variants trained on every case and asked about the same cases (rules of now, each at its own
    /// <c>tau=</c>, 0.5 when not given): which cases the second gets right that the first did not, and the reverse. In-sample: what a retrained model changes in score.sh, not a generalisation figure.</summary>
    private static string InSample(IReadOnlyList<LearnedCase> cases, Variant[] pair)
    {
        var all = Enumerable.Range(0, cases.Count).ToList();
        var answers = pair.Select(v =>
        {
            var tokens = cases.Select(c => LearnedFeatures.Extract(c.Input!, rules: null, v.Features, ruleSet: null)).ToArray();
            var model = Predictor(cases, tokens, all, v);
            var tau = v.Tau;
            return all.Select(i =>
            {
                var c = cases[i];
                var p = model(tokens[i]);
                return ExperimentDecision.Answer(c, p, RulesView.Now, tau, v);
            }).ToArray();
        }).ToArray();
        var md = new StringBuilder();
        var fixedCases = all.Where(i => answers[1][i] == cases[i].Label && answers[0][i] != cases[i].Label).ToList();
        var broke = all.Where(i => answers[0][i] == cases[i].Label && answers[1][i] != cases[i].Label).ToList();
        var moved = all.Where(i => answers[0][i] != cases[i].Label && answers[1][i] != cases[i].Label && answers[0][i] != answers[1][i]).ToList();
        Line(md, $"right: {all.Count(i => answers[0][i] == cases[i].Label)} -> {all.Count(i => answers[1][i] == cases[i].Label)}; fixed {fixedCases.Count}, broke {broke.Count}, wrong -> other {moved.Count}");
        foreach (var i in fixedCases) Line(md, $"fixed {cases[i].Case.Slug}: {answers[0][i]} -> {answers[1][i]}");
        foreach (var i in broke) Line(md, $"broke {cases[i].Case.Slug}: {answers[0][i]} -> {answers[1][i]} (label {cases[i].Label})");
        foreach (var i in moved) Line(md, $"moved {cases[i].Case.Slug}: {answers[0][i]} -> {answers[1][i]} (label {cases[i].Label})");
        return md.ToString();
    }

    /// <summary>"features=ChainFrames,UserFrame;model=Bernoulli;alpha=0.5;minlogs=2;defer=low;ctx=0.5".</summary>
    private static Variant Parse(string spec)
    {
        var v = new Variant(spec, LearnedFeatureSet.Base);
        foreach (var pair in spec.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var (key, value) = (pair[..pair.IndexOf('=', StringComparison.Ordinal)], pair[(pair.IndexOf('=', StringComparison.Ordinal) + 1)..]);
            v = key switch
            {
                "features" => v with { Features = Enum.Parse<LearnedFeatureSet>(value) },
                "model" => v with { Model = Enum.Parse<ModelKind>(value) },
                "alpha" => v with { Alpha = double.Parse(value, CultureInfo.InvariantCulture) },
                "minlogs" => v with { MinLogs = int.Parse(value, CultureInfo.InvariantCulture) },
                "defer" => v with { Defer = value },
                "ctx" => v with { CtxWeight = double.Parse(value, CultureInfo.InvariantCulture) },
                "extra" => v with { Extra = value },
                "reach" => v with { Reach = value },
                "reachtau" => v with { ReachTau = double.Parse(value, CultureInfo.InvariantCulture) },
                "prior" => v with { Prior = value },
                "l2" => v with { L2 = double.Parse(value, CultureInfo.InvariantCulture) },
                "epochs" => v with { Epochs = int.Parse(value, CultureInfo.InvariantCulture) },
                "norm" => v with { Norm = bool.Parse(value) },
                "lr" => v with { Rate = double.Parse(value, CultureInfo.InvariantCulture) },
                "tau" => v with { Tau = double.Parse(value, CultureInfo.InvariantCulture) },
                _ => throw new ArgumentException($"unknown key '{key}' in '{spec}'"),
            };
        }

        return v;
    }

    /// <summary>The variant's model trained on <paramref name="which"/>, as a function from a log's tokens to its answer.</summary>
    private static Func<IReadOnlyList<string>, (string, double)> Predictor(IReadOnlyList<LearnedCase> cases, IReadOnlyList<string>[] tokens, IEnumerable<int> which, Variant v)
    {
        if (v.Model == ModelKind.Logistic)
            return LogisticTrainer.Train([.. which.Select(i => (tokens[i], cases[i].Label))], CorpusReader.Categories, v.L2, v.Epochs, v.Rate, v.MinLogs, v.Norm).Predict;
        var model = Train(cases, tokens, which, v);
        return t => Predict(model, t);
    }

    private static NaiveBayesModel Train(IReadOnlyList<LearnedCase> cases, IReadOnlyList<string>[] tokens, IEnumerable<int> which, Variant v)
    {
        var counts = NaiveBayesTrainer.Count([.. which.Select(i => (tokens[i], cases[i].Label))], CorpusReader.Categories, v.Alpha, v.MinLogs);
        if (v.Prior != "model") return Priors(Train(counts, v), counts, v.Prior == "half" ? 0.5 : 1);
        return Train(counts, v);
    }

    /// <summary>Adds <paramref name="weight"/> × log of each category's share of the training logs to the model's priors.</summary>
    private static NaiveBayesModel Priors(NaiveBayesModel m, NaiveBayesCounts counts, double weight)
    {
        var total = (double)counts.Logs.Sum();
        return new(m.Categories, [.. m.LogPriors.Select((p, c) => p + (weight * Math.Log((counts.Logs[c] + 1) / total)))], m.Tokens.ToDictionary(t => t, t => m.Weights(t).ToArray(), StringComparer.Ordinal));
    }

    private static NaiveBayesModel Train(NaiveBayesCounts counts, Variant v)
    {
        var model = v.Model switch
        {
            ModelKind.Multinomial => counts.ToModel(),
            ModelKind.UniformPrior => Uniform(counts.ToModel()),
            ModelKind.Bernoulli => Bernoulli(counts),
            ModelKind.Complement => (counts with { Kind = NaiveBayesKind.Complement }).ToModel(),
            _ => throw new ArgumentOutOfRangeException(nameof(v)),
        };
        if (v.CtxWeight == 1) return model;
        var weights = model.Tokens.ToDictionary(t => t, t => t.StartsWith("ctx:", StringComparison.Ordinal) ? [.. model.Weights(t).Select(w => w * v.CtxWeight)] : model.Weights(t).ToArray(), StringComparer.Ordinal);
        return new NaiveBayesModel(model.Categories, model.LogPriors, weights);
    }

    private static NaiveBayesModel Uniform(NaiveBayesModel m) =>
        new(m.Categories, [.. m.LogPriors.Select(_ => -Math.Log(m.Categories.Count))], m.Tokens.ToDictionary(t => t, t => m.Weights(t).ToArray(), StringComparer.Ordinal));

    /// <summary>Bernoulli NB: p(t|c) = (n(t,c) + α) / (N_c + 2α); absent tokens count too, folded into the prior.</summary>
    private static NaiveBayesModel Bernoulli(NaiveBayesCounts counts)
    {
        var c = counts.Categories.Count;
        var total = counts.Logs.Sum();
        var priors = new double[c];
        for (var i = 0; i < c; i++) priors[i] = Math.Log((counts.Logs[i] + counts.Alpha) / (total + (counts.Alpha * c)));
        var weights = new Dictionary<string, double[]>(StringComparer.Ordinal);
        foreach (var (token, n) in counts.TokenLogs)
        {
            var w = new double[c];
            for (var i = 0; i < c; i++)
            {
                var p = (n[i] + counts.Alpha) / (counts.Logs[i] + (2 * counts.Alpha));
                w[i] = Math.Log(p / (1 - p));
                priors[i] += Math.Log(1 - p);
            }

            weights[token] = w;
        }

        return new NaiveBayesModel(counts.Categories, priors, weights);
    }

    private static (string, double) Predict(NaiveBayesModel model, IReadOnlyList<string> tokens)
    {
        var posterior = model.Posterior(tokens);
        var best = 0;
        for (var c = 1; c < posterior.Length; c++)
        {
            if (posterior[c] > posterior[best]) best = c;
        }

        return (model.Categories[best], posterior[best]);
    }

    private static string Cell(IReadOnlyList<LearnedCase> cases, (string Category, double Probability)[] p, List<int> which, RulesView view, double tau, Variant v)
    {
        int right = 0, wrong = 0, abstain = 0;
        foreach (var i in which)
        {
            var answer = ExperimentDecision.Answer(cases[i], p[i], view, tau, v);
            if (answer == cases[i].Label) right++;
            else if (answer is "unknown" or Scoring.Scorer.NoAnalysis) abstain++;
            else wrong++;
        }

        return $"{right}/{wrong}/{abstain} ({right - wrong:+0;-0})";
    }

    private static string Number(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    private static void Line(StringBuilder md, string text) => md.Append(text).Append('\n');
}
