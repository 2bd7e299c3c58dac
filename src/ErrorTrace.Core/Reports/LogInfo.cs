namespace ErrorTrace.Core.Reports;

/// <summary>Which log was read and how much of it.</summary>
public sealed record LogInfo
{
    public string? Path { get; init; }

    public long SizeBytes { get; init; }

    /// <summary>Physical lines (as <c>wc -l</c> counts, plus a last line without a newline).</summary>
    public long Lines { get; init; }

    /// <summary>Lines longer than the engine keeps; their tail was skipped, not parsed.</summary>
    public long TruncatedLines { get; init; }

    public bool Missing { get; init; }

    /// <summary>False when the log was not read at all (a job that did not fail, asked without <c>?scan=true</c>): an empty
    /// report then means "not looked at", not "clean".</summary>
    public bool Scanned { get; init; } = true;
}
