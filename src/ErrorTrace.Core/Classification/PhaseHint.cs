namespace ErrorTrace.Core.Classification;

/// <summary>One row of the rules file's phase hints: when <see cref="Match"/> holds and <see cref="Unless"/> does not,
/// <see cref="Weight"/> counts for <see cref="Phase"/> (<see cref="PhaseRules"/> compares the phases' totals).</summary>
/// <param name="Comment">Why this evidence means this phase, and where that is wrong.</param>
internal sealed record PhaseHint(string Id, string Phase, PhaseEvidence Match, PhaseEvidence? Unless, string Comment, double Weight = PhaseHint.DefaultWeight)
{
    /// <summary>A hint without a weight (a user's rules file): as much as the built-in broad hints, so that the file's order
    /// (a user's hints come first) breaks the tie.</summary>
    public const double DefaultWeight = 2;
}
