namespace ErrorTrace.Core.Classification.Learned;

/// <summary>
/// What training counted: per category how many logs, per token in how many logs of each category it appeared. The
/// model file stores these (small integers, sparse) rather than log-probabilities, and <see cref="ToModel"/> smooths
/// them with add-α.
/// </summary>
/// <param name="Categories">The categories, in the order of every count array.</param>
/// <param name="Logs">Training logs per category.</param>
/// <param name="TokenLogs">Per token (the vocabulary), the logs of each category it appeared in.</param>
/// <param name="Alpha">The smoothing added to every count.</param>
public sealed record NaiveBayesCounts(IReadOnlyList<string> Categories, IReadOnlyList<int> Logs, IReadOnlyDictionary<string, int[]> TokenLogs, double Alpha)
{
    /// <summary>How the weights are made from the counts.</summary>
    public NaiveBayesKind Kind { get; init; } = NaiveBayesKind.Multinomial;

    /// <summary>Multinomial: log P(c) = log((logs(c) + α) / (N + α·C)); log P(t|c) = log((n(t,c) + α) / (Σ_t n(t,c) + α·V)).
    /// Complement: log P(c) = −log C; weight(t, c) = −log((n(t,¬c) + α) / (Σ_t n(t,¬c) + α·V)), where ¬c is every other
    /// category: the less a token is seen elsewhere, the more it weighs for c.</summary>
    public NaiveBayesModel ToModel() => Kind == NaiveBayesKind.Complement ? ComplementModel() : MultinomialModel();

    private NaiveBayesModel ComplementModel()
    {
        var c = Categories.Count;
        var perCategory = new double[c];
        foreach (var counts in TokenLogs.Values)
        {
            for (var i = 0; i < c; i++) perCategory[i] += counts[i];
        }

        var all = perCategory.Sum();
        var likelihoods = new Dictionary<string, double[]>(StringComparer.Ordinal);
        foreach (var (token, counts) in TokenLogs)
        {
            var sum = counts.Sum();
            var weights = new double[c];
            for (var i = 0; i < c; i++) weights[i] = -Math.Log((sum - counts[i] + Alpha) / (all - perCategory[i] + (Alpha * TokenLogs.Count)));
            likelihoods[token] = weights;
        }

        return new NaiveBayesModel(Categories, [.. Enumerable.Repeat(-Math.Log(c), c)], likelihoods);
    }

    private NaiveBayesModel MultinomialModel()
    {
        var c = Categories.Count;
        var total = Logs.Sum();
        var priors = new double[c];
        for (var i = 0; i < c; i++) priors[i] = Math.Log((Logs[i] + Alpha) / (total + (Alpha * c)));
        var perCategory = new double[c];
        foreach (var counts in TokenLogs.Values)
        {
            for (var i = 0; i < c; i++) perCategory[i] += counts[i];
        }

        var likelihoods = new Dictionary<string, double[]>(StringComparer.Ordinal);
        foreach (var (token, counts) in TokenLogs)
        {
            var weights = new double[c];
            for (var i = 0; i < c; i++) weights[i] = Math.Log((counts[i] + Alpha) / (perCategory[i] + (Alpha * TokenLogs.Count)));
            likelihoods[token] = weights;
        }

        return new NaiveBayesModel(Categories, priors, likelihoods);
    }
}
