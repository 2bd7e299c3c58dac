namespace ErrorTrace.Core.Classification;

/// <summary>The phase the hints give a failure, and the hint that gave it (null when none did: the phase is then unknown).</summary>
internal readonly record struct PhaseDecision(string Phase, string? HintId)
{
    public static PhaseDecision None => new(ErrorPhase.Unknown, null);

    public bool IsKnown => HintId is not null;
}
