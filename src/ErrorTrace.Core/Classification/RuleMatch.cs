namespace ErrorTrace.Core.Classification;

/// <summary>A rule that held, on which surface, and the confidence it has there (at most medium off its first surface).</summary>
/// <param name="IsPrimary">The rule held on its first surface: at equal confidence, stronger than a match off it.</param>
internal sealed record RuleMatch(ClassificationRule Rule, SurfaceMatch Surface, string Confidence, bool IsPrimary);
