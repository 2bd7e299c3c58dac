namespace ErrorTrace.Accuracy.Learned;

/// <summary>
/// What <see cref="LogisticTrainer"/> learned: a bias and a weight per token for every category; a log's score for a
/// category is its bias plus the sum of its known tokens' weights (divided by √n, n its known tokens, when
/// <paramref name="normalise"/>), and the answer is the softmax's largest.
/// </summary>
internal sealed class LogisticModel(IReadOnlyList<string> categories, double[] bias, Dictionary<string, double[]> weights, bool normalise)
{
    public IReadOnlyList<string> Categories => categories;

    public IReadOnlyDictionary<string, double[]> Weights => weights;

    /// <summary>The most probable category and its probability (a tie goes to the category listed first).</summary>
    public (string Category, double Probability) Predict(IReadOnlyList<string> tokens)
    {
        var k = categories.Count;
        var scores = new double[k];
        var known = 0;
        foreach (var token in tokens)
        {
            if (!weights.TryGetValue(token, out var w)) continue;
            known++;
            for (var c = 0; c < k; c++) scores[c] += w[c];
        }

        var scale = normalise && known > 0 ? 1 / Math.Sqrt(known) : 1;
        for (var c = 0; c < k; c++) scores[c] = (scores[c] * scale) + bias[c];
        var max = scores.Max();
        var total = 0.0;
        var best = 0;
        for (var c = 0; c < k; c++)
        {
            total += scores[c] = Math.Exp(scores[c] - max);
            if (scores[c] > scores[best]) best = c;
        }

        return (categories[best], scores[best] / total);
    }
}
