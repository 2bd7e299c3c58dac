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
    private static readonly double[] s_taus = [0, 0.5, 0.7, 0.9, 0.95, 0.99, 0.999];

    private static readonly string[][] s_heldOut =
    [
        ["k3", "k5", "k6", "k7", "k8", "k9", "k10"],
        ["j1", "j2", "j3", "j4", "j5", "j6", "k1", "k2", "k4"],
    ];

    internal enum ModelKind { Multinomial, UniformPrior, Bernoulli, Complement }

    internal sealed record Variant(string Name, LearnedFeatureSet Features, ModelKind Model = ModelKind.Multinomial, double Alpha = 1, int MinLogs = 2, string Defer = "base", double CtxWeight = 1);

    private static readonly Variant[] s_variants =
    [
        new("baseline (shipped)", LearnedFeatureSet.Base),
        new("+ chain frames", LearnedFeatureSet.ChainFrames),
        new("+ chain types", LearnedFeatureSet.ChainTypes),
        new("+ last lines", LearnedFeatureSet.LastLines),
        new("+ user frame", LearnedFeatureSet.UserFrame),
        new("+ phase", LearnedFeatureSet.Phase),
        new("bernoulli", LearnedFeatureSet.Base, ModelKind.Bernoulli),
        new("uniform prior", LearnedFeatureSet.Base, ModelKind.UniformPrior),
        new("complement", LearnedFeatureSet.Base, ModelKind.Complement),
        new("alpha 0.5", LearnedFeatureSet.Base, Alpha: 0.5),
        new("alpha 0.2", LearnedFeatureSet.Base, Alpha: 0.2),
        new("min logs 3", LearnedFeatureSet.Base, MinLogs: 3),
        new("ctx weight 0.5", LearnedFeatureSet.Base, CtxWeight: 0.5),
        new("defer + low rules", LearnedFeatureSet.Base, Defer: "low"),
        new("defer + low/medium rules", LearnedFeatureSet.Base, Defer: "medium"),
    ];

    public static string Render(IReadOnlyList<LearnedCase> cases, int k, int seed, string? only)
    {
        if (only is not null && only.StartsWith("insample:", StringComparison.Ordinal)) return InSample(cases, [.. only["insample:".Length..].Split('|').Select(Parse)]);
        var md = new StringBuilder();
        var outer = Folds.Grouped([.. cases.Select(c => c.Case.Project)], k, seed);
        var before = Enumerable.Range(0, cases.Count).Where(i => cases[i].HasBefore).ToList();
        var all = Enumerable.Range(0, cases.Count).ToList();
        Line(md, $"# Experiments: {k}-fold grouped by project, seed {seed}; {cases.Count} cases ({before.Count} with a before-fixing record)\n");
        Line(md, "Cells: right / wrong / abstain (utility). 'before' = rules as before fixing (honest); 'now' = rules of now (optimistic); held-out rows: model trained on every other case, rules before fixing.\n");
        Line(md, "| experiment | τ | before | now | held k3,k5–k10 | held j1–j6,k1,k2,k4 |");
        Line(md, "|---|---|---|---|---|---|");
        var variants = only is null ? s_variants
            : only.Contains('=', StringComparison.Ordinal) ? [.. only.Split('|').Select(Parse)]
            : [.. s_variants.Where(v => v.Name.Contains(only, StringComparison.Ordinal))];
        foreach (var v in variants)
        {
            var tokens = cases.Select(c => LearnedFeatures.Extract(c.Input!, rules: null, v.Features, ruleSet: null)).ToArray();
            var predictions = new (string Category, double Probability)[cases.Count];
            foreach (var f in outer.Distinct().Order())
            {
                var model = Train(cases, tokens, all.Where(i => outer[i] != f), v);
                foreach (var i in all.Where(i => outer[i] == f)) predictions[i] = Predict(model, tokens[i]);
            }

            var held = new (string Category, double Probability)[cases.Count];
            foreach (var batches in s_heldOut)
            {
                var model = Train(cases, tokens, all.Where(i => !batches.Contains(cases[i].Batch)), v);
                foreach (var i in all.Where(i => batches.Contains(cases[i].Batch))) held[i] = Predict(model, tokens[i]);
            }

            var size = tokens.SelectMany(t => t).Distinct(StringComparer.Ordinal).Count();
            foreach (var tau in s_taus)
            {
                var cells = new[]
                {
                    Cell(cases, predictions, before, RulesView.BeforeFixing, tau, v),
                    Cell(cases, predictions, all, RulesView.Now, tau, v),
                    Cell(cases, held, [.. before.Where(i => s_heldOut[0].Contains(cases[i].Batch))], RulesView.BeforeFixing, tau, v),
                    Cell(cases, held, [.. before.Where(i => s_heldOut[1].Contains(cases[i].Batch))], RulesView.BeforeFixing, tau, v),
                };
                Line(md, $"| {v.Name} ({size} distinct tokens) | {Number(tau)} | {string.Join(" | ", cells)} |");
            }
        }

        return md.ToString();
    }

    /// <summary>Both variants trained on every case and asked about the same cases (rules of now, τ per variant as
    /// "tau=" is not a key: the first at 0.99, the second at 0.5): which cases the second gets right that the first did
    /// not, and the reverse. In-sample: what a retrained model changes in score.sh, not a generalisation figure.</summary>
    private static string InSample(IReadOnlyList<LearnedCase> cases, Variant[] pair)
    {
        var all = Enumerable.Range(0, cases.Count).ToList();
        var answers = pair.Select((v, n) =>
        {
            var tokens = cases.Select(c => LearnedFeatures.Extract(c.Input!, rules: null, v.Features, ruleSet: null)).ToArray();
            var model = Train(cases, tokens, all, v);
            var tau = n == 0 ? 0.99 : 0.5;
            return all.Select(i =>
            {
                var c = cases[i];
                var p = Predict(model, tokens[i]);
                return !c.CleanOf(RulesView.Now) && Defers(c, RulesView.Now, v.Defer) && p.Item2 >= tau ? p.Item1 : c.RulesOf(RulesView.Now);
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
                _ => throw new ArgumentException($"unknown key '{key}' in '{spec}'"),
            };
        }

        return v;
    }

    private static NaiveBayesModel Train(IReadOnlyList<LearnedCase> cases, IReadOnlyList<string>[] tokens, IEnumerable<int> which, Variant v)
    {
        var counts = NaiveBayesTrainer.Count([.. which.Select(i => (tokens[i], cases[i].Label))], CorpusReader.Categories, v.Alpha, v.MinLogs);
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
            var c = cases[i];
            var rules = c.RulesOf(view);
            var answer = rules;
            if (!c.CleanOf(view) && p[i].Category is not null && Defers(c, view, v.Defer) && p[i].Probability >= tau) answer = p[i].Category;
            if (answer == c.Label) right++;
            else if (answer is "unknown" or Scoring.Scorer.NoAnalysis) abstain++;
            else wrong++;
        }

        return $"{right}/{wrong}/{abstain} ({right - wrong:+0;-0})";
    }

    private static bool Defers(LearnedCase c, RulesView view, string defer)
    {
        if (c.DeferKindOf(view) is { } kind && kind != Deferral.LowConfidence) return true;
        if (defer == "base") return false;
        string? level;
        if (view == RulesView.BeforeFixing && c.HasBefore && c.BeforeCategory != c.Label)
            level = RuleConfidence.Of(c.BeforeRuleId);
        else if (view == RulesView.BeforeFixing && c.HasBefore)
            level = c.RulesCategory == c.Label ? c.ByRules?.Confidence : null;
        else
            level = c.ByRules?.Confidence;
        return level == "low" || (defer == "medium" && level == "medium");
    }

    private static string Number(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    private static void Line(StringBuilder md, string text) => md.Append(text).Append('\n');
}
