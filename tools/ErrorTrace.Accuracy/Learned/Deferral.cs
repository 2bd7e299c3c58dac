namespace ErrorTrace.Accuracy.Learned;

/// <summary>How the rules deferred on a case, so the cross-validation can compare fallbacks that take over more or less
/// of the rules' answers.</summary>
internal static class Deferral
{
    /// <summary>Nothing held: the rules said <c>unknown</c>.</summary>
    public const string Unknown = "unknown";

    /// <summary>No rule held; the evidence scorer chose a category from weighted signals.</summary>
    public const string ByScoring = "scoring";

    /// <summary>A <c>user-code-builtin-*</c> rule called a builtin exception the user's bug: a rule's answer.</summary>
    public const string Builtin = "builtin";

    /// <summary>Another rule that says itself it is unsure (confidence <c>low</c>).</summary>
    public const string LowConfidence = "low";

    /// <summary>The kinds each fallback takes over, narrowest first.</summary>
    public static readonly IReadOnlyList<(string Name, string[] Kinds)> Sets =
    [
        ("unknown only", [Unknown]),
        ("unknown + scoring", [Unknown, ByScoring]),
        ("unknown + scoring + builtin", [Unknown, ByScoring, Builtin]),
        ("unknown + scoring + builtin + low", [Unknown, ByScoring, Builtin, LowConfidence]),
    ];

    /// <summary>The kind of deferral of an answer (category, rule id), or null when a specific rule decided.</summary>
    public static string? Kind(string category, string? ruleId, string? confidence) =>
        category == Scoring.Scorer.NoAnalysis ? null
        : category == "unknown" ? Unknown
        : ruleId is null or "evidence-score" ? ByScoring
        : ruleId.StartsWith("user-code-builtin-", StringComparison.Ordinal) ? Builtin
        : confidence == "low" ? LowConfidence
        : null;
}
