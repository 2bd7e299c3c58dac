namespace ErrorTrace.Core.Reports;

/// <summary>A log line that led to a decision: its 1-based line number and text.</summary>
public sealed record EvidenceLine(long Line, string Text);
