namespace ErrorTrace.Server.Options;

/// <summary><c>Database</c>: which jobs database to read.</summary>
internal sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>A SQLite (<c>Data Source=...</c>) or PostgreSQL (<c>Host=...</c>) connection string. Default: the
    /// embedded SQLite file <c>{DataDir}/errortrace.db</c>, seeded with demo jobs on first start.</summary>
    public string? ConnectionString { get; set; }
}
