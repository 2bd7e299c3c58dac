namespace ErrorTrace.Benchmarks.Corpus;

/// <summary>The knobs that turn the realistic training log into the stress variants.</summary>
/// <param name="StepsPerRecord">tqdm updates (<c>\r</c> segments on one physical line) between two trainer records.</param>
/// <param name="WarningEveryMin">Fewest steps between two rounds of the 8-rank checkpoint UserWarning.</param>
/// <param name="WarningEveryMax">Most steps between two rounds.</param>
public sealed record LogShape(string Name, int StepsPerRecord, int WarningEveryMin, int WarningEveryMax)
{
    /// <summary>As <c>scripts/bench/generate_log.py</c>: a record every 2 steps, warnings every few hundred steps.</summary>
    public static LogShape Realistic { get; } = new("realistic", 2, 200, 600);

    /// <summary>A warning round (16 lines) after almost every record: warnings are most of the bytes.</summary>
    public static LogShape WarningHeavy { get; } = new("warning-heavy", 2, 1, 3);

    /// <summary>400 tqdm updates per physical line (~25 KB lines): <c>\r</c> segments are most of the bytes.</summary>
    public static LogShape TqdmHeavy { get; } = new("tqdm-heavy", 400, 2000, 6000);
}
