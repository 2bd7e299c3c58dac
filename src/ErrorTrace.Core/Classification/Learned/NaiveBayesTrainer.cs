namespace ErrorTrace.Core.Classification.Learned;

/// <summary>Counts tokens per category (<see cref="NaiveBayesCounts"/>), from which a <see cref="NaiveBayesModel"/> is made.</summary>
public static class NaiveBayesTrainer
{
    /// <summary>Laplace smoothing: a token never seen with a category still gets a small probability there.</summary>
    public const double DefaultAlpha = 1.0;

    /// <summary>The shipped model's kind: complement naive Bayes, chosen by cross-validation grouped by project
    /// (docs/accuracy-learned.md, 2026-12-05).</summary>
    public const NaiveBayesKind ShippedKind = NaiveBayesKind.Complement;

    /// <summary>The shipped model's smoothing, chosen with <see cref="ShippedKind"/>: 0.3 beat 0.5 by 7–8 in utility over
    /// 1,958 cases with two fold seeds and tied on the held-out batches; 0.2 scored as 0.3, 1 was 13–19 worse.</summary>
    public const double ShippedAlpha = 0.3;

    /// <summary>A token seen in a single log is that log's accident (a path, a name); it would only add noise.</summary>
    public const int DefaultMinLogs = 2;

    /// <param name="examples">Each log's tokens and its label; a token counts once per log.</param>
    /// <param name="categories">The categories the model may answer, in the order its weights take; a category without
    /// examples keeps only its smoothing.</param>
    public static NaiveBayesCounts Count(IReadOnlyList<(IReadOnlyList<string> Tokens, string Category)> examples, IReadOnlyList<string> categories,
        double alpha = DefaultAlpha, int minLogs = DefaultMinLogs, NaiveBayesKind kind = NaiveBayesKind.Multinomial)
    {
        ArgumentNullException.ThrowIfNull(examples);
        ArgumentNullException.ThrowIfNull(categories);
        var index = categories.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i, StringComparer.Ordinal);
        var logs = new int[categories.Count];
        var counts = new Dictionary<string, int[]>(StringComparer.Ordinal);
        foreach (var (tokens, category) in examples)
        {
            var c = index.TryGetValue(category, out var i) ? i : throw new ArgumentException($"label '{category}' is not a category", nameof(examples));
            logs[c]++;
            foreach (var token in tokens.Distinct(StringComparer.Ordinal))
            {
                if (!counts.TryGetValue(token, out var perCategory)) counts[token] = perCategory = new int[categories.Count];
                perCategory[c]++;
            }
        }

        var kept = counts.Where(p => p.Value.Sum() >= minLogs).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        return new NaiveBayesCounts([.. categories], logs, kept, alpha) { Kind = kind };
    }

    public static NaiveBayesModel Train(IReadOnlyList<(IReadOnlyList<string> Tokens, string Category)> examples, IReadOnlyList<string> categories,
        double alpha = DefaultAlpha, int minLogs = DefaultMinLogs, NaiveBayesKind kind = NaiveBayesKind.Multinomial) =>
        Count(examples, categories, alpha, minLogs, kind).ToModel();
}
