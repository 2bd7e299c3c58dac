namespace ErrorTrace.Core.Classification;

/// <summary>The three confidence levels, ordered.</summary>
internal static class Confidence
{
    public const string High = "high";
    public const string Medium = "medium";
    public const string Low = "low";

    public static string[] All { get; } = [High, Medium, Low];

    /// <summary>2 for high, 1 for medium, 0 for low.</summary>
    public static int Rank(string confidence) => confidence switch
    {
        High => 2,
        Medium => 1,
        _ => 0,
    };

    /// <summary>A rule's confidence off its first surface: evidence there is secondary, so at most medium, and the jobs
    /// database's one-line summary (no line of the log behind it) is low.</summary>
    public static string OffFirstSurface(string confidence, RuleTarget target) =>
        target == RuleTarget.Summary ? Low : confidence == High ? Medium : confidence;
}
