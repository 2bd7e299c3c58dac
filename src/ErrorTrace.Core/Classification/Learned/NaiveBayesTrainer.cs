namespace ErrorTrace.Core.Classification.Learned;

/// <summary>Counts tokens per category and turns the counts into a <see cref="NaiveBayesModel"/> with add-α smoothing.</summary>
public static class NaiveBayesTrainer
{
    /// <summary>Laplace smoothing: a token never seen with a category still gets a small probability there.</summary>
    public const double DefaultAlpha = 1.0;

    /// <summary>A token seen in a single log is that log's accident (a path, a name); it would only add noise.</summary>
    public const int DefaultMinLogs = 2;

    /// <param name="examples">Each log's tokens (distinct) and its label.</param>
    /// <param name="categories">The categories the model may answer, in the order its weights take; a category without
    /// examples keeps only its smoothing.</param>
    public static NaiveBayesModel Train(IReadOnlyList<(IReadOnlyList<string> Tokens, string Category)> examples, IReadOnlyList<string> categories,
        double alpha = DefaultAlpha, int minLogs = DefaultMinLogs)
    {
        ArgumentNullException.ThrowIfNull(examples);
        ArgumentNullException.ThrowIfNull(categories);
        var index = categories.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i, StringComparer.Ordinal);
        var logs = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (tokens, _) in examples)
        {
            foreach (var token in tokens.Distinct(StringComparer.Ordinal)) logs[token] = logs.GetValueOrDefault(token) + 1;
        }

        var vocabulary = logs.Where(p => p.Value >= minLogs).Select(p => p.Key).Order(StringComparer.Ordinal).ToList();
        var known = vocabulary.ToDictionary(t => t, _ => new double[categories.Count], StringComparer.Ordinal);
        var perCategory = new double[categories.Count];
        var totals = new double[categories.Count];
        foreach (var (tokens, category) in examples)
        {
            var c = index.TryGetValue(category, out var i) ? i : throw new ArgumentException($"label '{category}' is not a category", nameof(examples));
            perCategory[c]++;
            foreach (var token in tokens.Distinct(StringComparer.Ordinal))
            {
                if (!known.TryGetValue(token, out var counts)) continue;
                counts[c]++;
                totals[c]++;
            }
        }

        var priors = new double[categories.Count];
        for (var c = 0; c < priors.Length; c++) priors[c] = Math.Log((perCategory[c] + alpha) / (examples.Count + (alpha * categories.Count)));
        var likelihoods = new Dictionary<string, double[]>(StringComparer.Ordinal);
        foreach (var token in vocabulary)
        {
            var counts = known[token];
            var weights = new double[categories.Count];
            for (var c = 0; c < weights.Length; c++) weights[c] = Math.Log((counts[c] + alpha) / (totals[c] + (alpha * vocabulary.Count)));
            likelihoods[token] = weights;
        }

        return new NaiveBayesModel(categories, priors, likelihoods);
    }
}
