using ErrorTrace.Accuracy.Corpus;
using ErrorTrace.Core.Classification.Learned;

namespace ErrorTrace.Accuracy.Learned;

/// <summary>
/// K-fold cross-validation of the learned classifier: each fold's cases are predicted by a model trained on the other
/// folds only, and θ (the override threshold) is chosen by an inner cross-validation on those training folds alone, so
/// no figure has seen its own test cases.
/// </summary>
internal static class CrossValidation
{
    /// <summary>Inner folds for choosing θ: enough held-out predictions, few trainings.</summary>
    public const int InnerFolds = 5;

    /// <summary>The θ tried; above 1 means "never override".</summary>
    public static readonly IReadOnlyList<double> Thetas = [0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99, 0.999, 0.9999, 1.01];

    /// <param name="forward">Train each fold's model on the earlier folds only (folds in time order); the first fold is
    /// never predicted.</param>
    public static Prediction[] Run(IReadOnlyList<LearnedCase> cases, int[] fold, bool ruleTokens, bool grouped, int seed, RulesView view, bool forward = false)
    {
        var predictions = new Prediction[cases.Count];
        foreach (var f in fold.Distinct().Order())
        {
            var train = Enumerable.Range(0, cases.Count).Where(i => forward ? fold[i] < f : fold[i] != f).Select(i => cases[i]).ToList();
            if (train.Count == 0) continue;
            var (theta, thetaBoth) = ChooseTheta(train, ruleTokens, grouped, seed, view);
            var model = Train(train, ruleTokens);
            for (var i = 0; i < cases.Count; i++)
            {
                if (fold[i] != f) continue;
                var p = model.Predict(Tokens(cases[i], ruleTokens));
                predictions[i] = new Prediction(p.Category, p.Probability, theta, thetaBoth);
            }
        }

        return predictions;
    }

    public static NaiveBayesModel Train(IReadOnlyList<LearnedCase> cases, bool ruleTokens) =>
        NaiveBayesTrainer.Train([.. cases.Select(c => (Tokens(c, ruleTokens), c.Label))], CorpusReader.Categories, NaiveBayesTrainer.ShippedAlpha, kind: NaiveBayesTrainer.ShippedKind);

    public static IReadOnlyList<string> Tokens(LearnedCase c, bool ruleTokens) => ruleTokens ? c.Tokens : c.TokensWithoutRules;

    /// <summary>The θ that scores best on inner held-out predictions of <paramref name="train"/>; ties go to the higher
    /// θ (override less).</summary>
    private static (double Override, double Both) ChooseTheta(List<LearnedCase> train, bool ruleTokens, bool grouped, int seed, RulesView view)
    {
        var inner = grouped && train.Select(c => c.Batch).Distinct().Count() >= InnerFolds
            ? Folds.Grouped([.. train.Select(c => c.Batch)], InnerFolds, seed)
            : Folds.Stratified([.. train.Select(c => c.Label)], InnerFolds, seed);
        var held = new Prediction[train.Count];
        for (var f = 0; f < InnerFolds; f++)
        {
            var model = Train([.. train.Where((_, i) => inner[i] != f)], ruleTokens);
            for (var i = 0; i < train.Count; i++)
            {
                if (inner[i] != f) continue;
                var p = model.Predict(Tokens(train[i], ruleTokens));
                held[i] = new Prediction(p.Category, p.Probability, 0, 0);
            }
        }

        return (Best(train, held, Strategy.Override, view), Best(train, held, Strategy.FallbackOrOverride, view));
    }

    private static double Best(List<LearnedCase> train, Prediction[] held, Strategy strategy, RulesView view)
    {
        var best = Thetas[^1];
        var bestRight = -1;
        foreach (var theta in Thetas.Reverse())
        {
            var right = 0;
            for (var i = 0; i < train.Count; i++)
            {
                if ((held[i] with { Theta = theta, ThetaBoth = theta }).Decide(strategy, train[i], view) == train[i].Label) right++;
            }

            if (right > bestRight) (best, bestRight) = (theta, right);
        }

        return best;
    }
}
