using ErrorTrace.Accuracy.Corpus;

namespace ErrorTrace.Accuracy.Scoring;

/// <summary>How the engine's report of one case compares with its expert label.</summary>
public sealed record CaseScore
{
    public required RealLogCase Case { get; init; }

    /// <summary>The report's category; <c>(no analysis)</c> when the report has none.</summary>
    public required string ActualCategory { get; init; }

    public string? ActualRuleId { get; init; }

    public string? ActualType { get; init; }

    public string? ActualFrame { get; init; }

    public required bool CategoryRight { get; init; }

    public required bool TypeRight { get; init; }

    public required bool FrameRight { get; init; }

    public bool AllRight => CategoryRight && TypeRight && FrameRight;

    /// <summary>One line per wrong field, for test messages and the record's misses.</summary>
    public IEnumerable<string> Problems()
    {
        var expected = Case.Expected;
        if (!CategoryRight) yield return $"category: expected {expected.Category}, got {ActualCategory}";
        if (!TypeRight) yield return $"root exception type: expected {expected.RootExceptionType ?? "(none)"}, got {ActualType ?? "(none)"}";
        if (!FrameRight) yield return $"innermost frame: expected {RootCause.Describe(expected.InnermostFrame)}, got {ActualFrame ?? "(none)"}";
    }
}
