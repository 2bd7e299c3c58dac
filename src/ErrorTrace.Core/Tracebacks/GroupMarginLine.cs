namespace ErrorTrace.Core.Tracebacks;

/// <summary>A line's exception-group margin: its kind, depth (half the margin's column) and where the content starts.</summary>
internal readonly record struct GroupMarginLine(GroupMarginKind Kind, int Depth, int ContentStart, bool Placeholder);
