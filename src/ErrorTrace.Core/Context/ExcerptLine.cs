namespace ErrorTrace.Core.Context;

/// <summary>One physical line of the log read back for display: its number, its text as a terminal would last show it
/// (envelopes removed, the last frame of a progress bar redrawn with <c>\r</c>), and the stream that printed it.</summary>
public sealed record ExcerptLine
{
    public required long Line { get; init; }

    public required string Text { get; init; }

    /// <summary>The rank a launcher prefix named (<c>[rank3]:</c>, <c>[default3]:</c>, <c>3: </c>), else null.</summary>
    public int? Rank { get; init; }

    /// <summary>The host a prefix named (pdsh's <c>worker-1: </c>, Ray's <c>ip=</c>), else null.</summary>
    public string? Host { get; init; }

    /// <summary>True when the line was longer than <see cref="LogExcerpt.MaxLineChars"/> and cut.</summary>
    public bool Cut { get; init; }
}
