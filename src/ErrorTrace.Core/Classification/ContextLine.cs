namespace ErrorTrace.Core.Classification;

/// <summary>A line printed near the death, as the classifier reads it: its 1-based line number and its text (envelopes
/// such as ANSI colours and rank prefixes removed).</summary>
public sealed record ContextLine(long Line, string Text);
