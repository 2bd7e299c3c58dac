namespace ErrorTrace.Accuracy.Learned;

/// <summary>
/// Multinomial logistic regression (softmax) with L2 regularisation over token presence, trained by plain stochastic
/// gradient descent (Bottou's schedule η_t = η₀ / (1 + λ η₀ t), the L2 shrink kept as one scale factor so an update
/// touches only the log's tokens). Deterministic: the examples are visited in a permutation drawn from a fixed seed per
/// epoch, so the same examples give the same weights (<see cref="LogisticModel"/>).
/// </summary>
internal static class LogisticTrainer
{
    /// <summary>The permutation's seed: any fixed number; only that it is fixed matters.</summary>
    private const int Seed = 20261205;

    /// <summary>When the running L2 scale factor falls below this, it is folded into the weights (no underflow).</summary>
    private const double MinScale = 1e-9;

    /// <param name="examples">Each log's distinct tokens and its label.</param>
    /// <param name="categories">The categories, in the order of the weights.</param>
    /// <param name="l2">λ: the L2 penalty per example (the objective is the mean log loss + λ/2 ‖w‖²).</param>
    /// <param name="epochs">Passes over the examples.</param>
    /// <param name="rate">η₀, the first step's size.</param>
    /// <param name="minLogs">A token in fewer training logs is left out of the vocabulary.</param>
    /// <param name="normalise">Each log's features 1/√n (n its known tokens, unit length) instead of 1: a long log's
    /// hundreds of tokens then move the weights no more than a one-line paste's few.</param>
    public static LogisticModel Train(IReadOnlyList<(IReadOnlyList<string> Tokens, string Category)> examples, IReadOnlyList<string> categories,
        double l2, int epochs, double rate, int minLogs, bool normalise)
    {
        var k = categories.Count;
        var categoryIndex = categories.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i, StringComparer.Ordinal);
        var logs = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (tokens, _) in examples)
        {
            foreach (var t in tokens.Distinct(StringComparer.Ordinal)) logs[t] = logs.GetValueOrDefault(t) + 1;
        }

        var vocabulary = logs.Where(p => p.Value >= minLogs).Select(p => p.Key).Order(StringComparer.Ordinal).ToArray();
        var index = vocabulary.Select((t, i) => (t, i)).ToDictionary(p => p.t, p => p.i, StringComparer.Ordinal);
        var features = examples.Select(e => e.Tokens.Distinct(StringComparer.Ordinal).Where(index.ContainsKey).Select(t => index[t]).Order().ToArray()).ToArray();
        var values = features.Select(f => normalise && f.Length > 0 ? 1 / Math.Sqrt(f.Length) : 1.0).ToArray();
        var labels = examples.Select(e => categoryIndex[e.Category]).ToArray();

        var w = new double[vocabulary.Length * k];
        var bias = new double[k];
        var scale = 1.0;
        var p = new double[k];
        var order = Enumerable.Range(0, examples.Count).ToArray();
        var step = 0L;
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            new Random(Seed + epoch).Shuffle(order);
            foreach (var i in order)
            {
                var eta = rate / (1 + (l2 * rate * step++));
                Scores(features[i], values[i], w, bias, scale, k, p);
                Softmax(p);
                p[labels[i]] -= 1;
                scale *= 1 - (eta * l2);
                var stepOnWeights = eta * values[i] / scale;
                foreach (var f in features[i])
                {
                    for (var c = 0; c < k; c++) w[(f * k) + c] -= stepOnWeights * p[c];
                }

                for (var c = 0; c < k; c++) bias[c] -= eta * p[c];
                if (scale < MinScale)
                {
                    for (var j = 0; j < w.Length; j++) w[j] *= scale;
                    scale = 1;
                }
            }
        }

        var weights = new Dictionary<string, double[]>(StringComparer.Ordinal);
        for (var f = 0; f < vocabulary.Length; f++)
        {
            var row = new double[k];
            for (var c = 0; c < k; c++) row[c] = w[(f * k) + c] * scale;
            weights[vocabulary[f]] = row;
        }

        return new LogisticModel(categories, bias, weights, normalise);
    }

    private static void Scores(int[] features, double value, double[] w, double[] bias, double scale, int k, double[] into)
    {
        for (var c = 0; c < k; c++) into[c] = 0;
        foreach (var f in features)
        {
            for (var c = 0; c < k; c++) into[c] += w[(f * k) + c];
        }

        for (var c = 0; c < k; c++) into[c] = (into[c] * scale * value) + bias[c];
    }

    private static void Softmax(double[] scores)
    {
        var max = scores.Max();
        var total = 0.0;
        for (var c = 0; c < scores.Length; c++) total += scores[c] = Math.Exp(scores[c] - max);
        for (var c = 0; c < scores.Length; c++) scores[c] /= total;
    }
}
