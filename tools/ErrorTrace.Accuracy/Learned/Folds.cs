namespace ErrorTrace.Accuracy.Learned;

/// <summary>Fold assignments for cross-validation, all from a fixed seed so a figure can be reproduced.</summary>
internal static class Folds
{
    /// <summary>Plain stratified K-fold: each category's cases shuffled and dealt round-robin, so every fold has the
    /// corpus' mix. Cases of one batch (often one project's issues) land in every fold, which flatters the model.</summary>
    public static int[] Stratified(IReadOnlyList<string> labels, int k, int seed)
    {
        var fold = new int[labels.Count];
        var random = new Random(seed);
        var next = 0;
        foreach (var group in Enumerable.Range(0, labels.Count).GroupBy(i => labels[i]).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            foreach (var i in Shuffle(group.ToList(), random)) fold[i] = next++ % k;
        }

        return fold;
    }

    /// <summary>Grouped K-fold: whole batches to a fold (shuffled, then the largest first into the smallest fold), so a
    /// model is always tested on batches it never saw, as the rules were when each batch was scored before fixing.</summary>
    public static int[] Grouped(IReadOnlyList<string> groups, int k, int seed)
    {
        var random = new Random(seed);
        var sizes = Enumerable.Range(0, groups.Count).GroupBy(i => groups[i]).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        var order = Shuffle(sizes, random).OrderByDescending(g => g.Count()).ToList();
        var load = new int[k];
        var foldOf = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var group in order)
        {
            var smallest = Array.IndexOf(load, load.Min());
            foldOf[group.Key] = smallest;
            load[smallest] += group.Count();
        }

        return [.. groups.Select(g => foldOf[g])];
    }

    /// <summary>One fold per batch: each batch predicted by a model trained on all the others.</summary>
    public static int[] LeaveGroupOut(IReadOnlyList<string> groups, out IReadOnlyList<string> names)
    {
        var distinct = groups.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        names = distinct;
        return [.. groups.Select(g => distinct.IndexOf(g))];
    }

    /// <summary>Each batch's place in time: the legacy batch first, then the harvests in name order (a1, a2, … h3).</summary>
    public static int[] InTimeOrder(IReadOnlyList<string> groups)
    {
        var order = groups.Distinct(StringComparer.Ordinal)
            .OrderBy(g => g == Corpus.CorpusReader.LegacyBatch ? 0 : 1).ThenBy(g => g, StringComparer.Ordinal).ToList();
        return [.. groups.Select(g => order.IndexOf(g))];
    }

    private static List<T> Shuffle<T>(List<T> items, Random random)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }

        return items;
    }
}
