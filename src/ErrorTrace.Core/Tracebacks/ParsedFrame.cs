namespace ErrorTrace.Core.Tracebacks;

/// <summary>A frame line's fields and which printer's layout it had.</summary>
internal readonly record struct ParsedFrame(string File, int? Line, string Function, FrameStyle Style);
