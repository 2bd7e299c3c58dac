namespace ErrorTrace.Server.Logs;

/// <summary>Where a job's log is. <see cref="FullPath"/> is null when there is nothing the service may read, and
/// <see cref="Note"/> then says why (for the report's notes).</summary>
internal sealed record LogLocation
{
    /// <summary>The path shown to clients: relative to the logs directory, never the server's absolute path.</summary>
    public string? DisplayPath { get; init; }

    /// <summary>The canonical path (symlinks resolved, inside the logs directory), or null.</summary>
    public string? FullPath { get; init; }

    /// <summary>The logs directory with its links resolved, as the check saw it: the opened log must be inside it.</summary>
    public string LogsRoot { get; init; } = "";

    public string? Note { get; init; }

    public bool IsGzip => FullPath is not null && FullPath.EndsWith(".gz", StringComparison.OrdinalIgnoreCase);

    public bool Missing => FullPath is null;
}
