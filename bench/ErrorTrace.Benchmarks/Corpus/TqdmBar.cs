namespace ErrorTrace.Benchmarks.Corpus;

/// <summary>tqdm's 10-cell bar with its unicode partial blocks, precomputed per permille.</summary>
public static class TqdmBar
{
    private const string Partial = " ▏▎▍▌▋▊▉";

    private static readonly string[] Bars = Enumerable.Range(0, 1001).Select(Build).ToArray();

    /// <summary><c>  45%|████▌     | </c> for a fraction done.</summary>
    public static string Head(long done, long total)
    {
        var permille = (int)Math.Clamp(done * 1000 / Math.Max(1, total), 0, 1000);
        return $"\r{permille / 10,3}%|{Bars[permille]}| ";
    }

    private static string Build(int permille)
    {
        var eighths = permille * 80 / 1000;
        var full = eighths / 8;
        var bar = new string('█', full);
        if (full < 10) bar += Partial[eighths % 8] + new string(' ', 9 - full);
        return bar;
    }
}
