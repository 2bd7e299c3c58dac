namespace ErrorTrace.Server.Fleet;

/// <summary><c>Store</c>: the service's own database (the jobs table is never written).</summary>
internal sealed class StoreOptions
{
    public const string Section = "Store";

    /// <summary>Default: the jobs database when it is PostgreSQL (in <see cref="Schema"/>), else
    /// <c>{DataDir}/fleet.db</c> (SQLite). <c>Host=...</c> is PostgreSQL, anything else SQLite.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The PostgreSQL schema of the store's tables (created on start).</summary>
    public string Schema { get; set; } = "errortrace";
}
