namespace ErrorTrace.Core.Classification;

/// <summary>The JSON shape of one phase hint: when <see cref="Match"/> holds (and <see cref="Unless"/> does not), the
/// failure happened in <see cref="Phase"/>.</summary>
internal sealed class PhaseHintDocument
{
    public string? Id { get; set; }

    public string? Comment { get; set; }

    public string? Phase { get; set; }

    /// <summary>How much this evidence weighs against the other phases' (default <see cref="PhaseHint.DefaultWeight"/>).</summary>
    public double? Weight { get; set; }

    public PhaseMatchDocument? Match { get; set; }

    /// <summary>Evidence anywhere in the input (every failure's frames, every line near the death) that rules the hint out.</summary>
    public PhaseMatchDocument? Unless { get; set; }
}
