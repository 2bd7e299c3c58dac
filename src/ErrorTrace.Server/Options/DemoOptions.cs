namespace ErrorTrace.Server.Options;

/// <summary><c>Demo</c>: seed demo jobs, logs and tokens into a fresh embedded database.</summary>
internal sealed class DemoOptions
{
    public const string Section = "Demo";

    /// <summary>Null (the default) seeds only when no connection string is configured, i.e. for the embedded database.</summary>
    public bool? Enabled { get; set; }
}
