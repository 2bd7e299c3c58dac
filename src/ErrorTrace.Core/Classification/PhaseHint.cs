namespace ErrorTrace.Core.Classification;

/// <summary>One row of the rules file's phase hints: when <see cref="Match"/> holds and <see cref="Unless"/> does not,
/// the failure happened in <see cref="Phase"/>.</summary>
/// <param name="Comment">Why this evidence means this phase, and where that is wrong.</param>
internal sealed record PhaseHint(string Id, string Phase, PhaseEvidence Match, PhaseEvidence? Unless, string Comment);
