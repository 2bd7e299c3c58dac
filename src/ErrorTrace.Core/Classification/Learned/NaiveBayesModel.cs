namespace ErrorTrace.Core.Classification.Learned;

/// <summary>
/// A multinomial naive Bayes over token presence (each token counts once per log): score(c) = log P(c) + Σ log P(t|c)
/// over the log's tokens the model knows; tokens it never saw are skipped. Immutable; <see cref="NaiveBayesCounts.ToModel"/>
/// makes one from what <see cref="NaiveBayesTrainer"/> counted or <see cref="LearnedModelText"/> read.
/// </summary>
public sealed class NaiveBayesModel
{
    /// <summary>How many tokens a decision names as its reasons.</summary>
    public const int ReasonCount = 5;

    private readonly Dictionary<string, double[]> _logLikelihoods;

    /// <param name="categories">The categories, in the order of every weight array.</param>
    /// <param name="logPriors">log P(c) per category.</param>
    /// <param name="logLikelihoods">log P(t|c) per token, one value per category.</param>
    public NaiveBayesModel(IReadOnlyList<string> categories, IReadOnlyList<double> logPriors, IReadOnlyDictionary<string, double[]> logLikelihoods)
    {
        ArgumentNullException.ThrowIfNull(categories);
        ArgumentNullException.ThrowIfNull(logPriors);
        ArgumentNullException.ThrowIfNull(logLikelihoods);
        if (categories.Count < 2) throw new ArgumentException("a model needs two categories at least", nameof(categories));
        if (logPriors.Count != categories.Count) throw new ArgumentException("one prior per category", nameof(logPriors));
        Categories = [.. categories];
        LogPriors = [.. logPriors];
        _logLikelihoods = new Dictionary<string, double[]>(StringComparer.Ordinal);
        foreach (var (token, weights) in logLikelihoods)
        {
            if (weights.Length != categories.Count) throw new ArgumentException($"token '{token}' has {weights.Length} weights, not {categories.Count}", nameof(logLikelihoods));
            _logLikelihoods[token] = [.. weights];
        }
    }

    public IReadOnlyList<string> Categories { get; }

    public IReadOnlyList<double> LogPriors { get; }

    /// <summary>The vocabulary, in ordinal order (what the model file lists).</summary>
    public IReadOnlyList<string> Tokens => [.. _logLikelihoods.Keys.Order(StringComparer.Ordinal)];

    public IReadOnlyList<double> Weights(string token) => _logLikelihoods[token];

    /// <summary>The posterior of every category for <paramref name="tokens"/> (sums to 1).</summary>
    public double[] Posterior(IReadOnlyList<string> tokens)
    {
        var scores = Scores(tokens);
        // Softmax from the maximum: the raw sums are hundreds below zero and would underflow.
        var max = scores.Max();
        var total = 0.0;
        for (var c = 0; c < scores.Length; c++) total += scores[c] = Math.Exp(scores[c] - max);
        for (var c = 0; c < scores.Length; c++) scores[c] /= total;
        return scores;
    }

    /// <summary>log P(c) + Σ log P(t|c) per category (the unnormalised log posterior).</summary>
    private double[] Scores(IReadOnlyList<string> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var scores = LogPriors.ToArray();
        foreach (var token in tokens)
        {
            if (!_logLikelihoods.TryGetValue(token, out var weights)) continue;
            for (var c = 0; c < scores.Length; c++) scores[c] += weights[c];
        }

        return scores;
    }

    public LearnedPrediction Predict(IReadOnlyList<string> tokens)
    {
        var posterior = Posterior(tokens);
        // Ties go to the category listed first, so the answer never depends on anything but the model and the tokens.
        var best = 0;
        var second = -1;
        for (var c = 1; c < posterior.Length; c++)
        {
            if (posterior[c] > posterior[best]) (best, second) = (c, best);
            else if (second < 0 || posterior[c] > posterior[second]) second = c;
        }

        if (second < 0) second = best == 0 ? 1 : 0;
        return new LearnedPrediction(Categories[best], posterior[best], Categories[second], Reasons(tokens, best, second));
    }

    /// <summary>The prediction with the posterior restricted to <paramref name="first"/> and <paramref name="second"/>
    /// (renormalised over the two; a tie goes to <paramref name="first"/>): which of two categories, when something else
    /// already ruled out the others (an out-of-memory failure whose phase the rules could not place).</summary>
    /// <exception cref="ArgumentException">A category the model does not know.</exception>
    public LearnedPrediction PredictBetween(IReadOnlyList<string> tokens, string first, string second)
    {
        var a = IndexOf(first);
        var b = IndexOf(second);
        // From the two log scores, not the softmax over every category: both may underflow to 0 there.
        var scores = Scores(tokens);
        var pa = 1 / (1 + Math.Exp(scores[b] - scores[a]));
        return pa >= 0.5
            ? new LearnedPrediction(first, pa, second, Reasons(tokens, a, b))
            : new LearnedPrediction(second, 1 - pa, first, Reasons(tokens, b, a));
    }

    private int IndexOf(string category)
    {
        for (var c = 0; c < Categories.Count; c++)
        {
            if (string.Equals(Categories[c], category, StringComparison.Ordinal)) return c;
        }

        throw new ArgumentException($"the model has no category '{category}'", nameof(category));
    }

    private List<(string Token, double Weight)> Reasons(IReadOnlyList<string> tokens, int best, int second) =>
        tokens
            .Where(_logLikelihoods.ContainsKey)
            .Select(t => (Token: t, Weight: _logLikelihoods[t][best] - _logLikelihoods[t][second]))
            .Where(r => r.Weight > 0)
            .OrderByDescending(r => r.Weight).ThenBy(r => r.Token, StringComparer.Ordinal)
            .Take(ReasonCount)
            .ToList();
}
