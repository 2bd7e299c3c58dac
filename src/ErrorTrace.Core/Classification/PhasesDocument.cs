namespace ErrorTrace.Core.Classification;

/// <summary>The JSON shape of the <c>phases</c> section: the ordered hints that place a failure in a phase.</summary>
internal sealed class PhasesDocument
{
    public string? Comment { get; set; }

    public List<PhaseHintDocument>? Hints { get; set; }
}
