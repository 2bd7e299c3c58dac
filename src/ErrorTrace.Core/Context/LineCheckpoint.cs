namespace ErrorTrace.Core.Context;

/// <summary><paramref name="NewlinesBefore"/> newline bytes come before byte <paramref name="Offset"/> of the log.</summary>
public readonly record struct LineCheckpoint(long Offset, long NewlinesBefore);
