namespace ErrorTrace.Core.Classification;

/// <summary>One row of <see cref="PhaseInference"/>'s frame table: frames that place a failure in a phase.</summary>
/// <param name="Comment">Why these frames mean this phase, and where that is wrong.</param>
internal sealed record PhaseHint(string Id, string Phase, FrameMatcher Frames, string Comment)
{
    public static PhaseHint Create(string id, string phase, string[] frames, string? regex, string comment) =>
        new(id, phase, FrameMatcher.Create(frames, regex is null ? null : [regex], id)!, comment);
}
