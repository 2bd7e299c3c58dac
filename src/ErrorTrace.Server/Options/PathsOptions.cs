namespace ErrorTrace.Server.Options;

/// <summary><c>Paths</c>: where the embedded database, the demo tokens and the logs live.</summary>
internal sealed class PathsOptions
{
    public const string Section = "Paths";

    /// <summary>Default: <c>~/.local/share/errortrace</c> (the platform's local application data folder).</summary>
    public string? DataDir { get; set; }

    /// <summary>Default: <c>{DataDir}/logs</c>. Every log the service reads must resolve inside it.</summary>
    public string? LogsDir { get; set; }
}
