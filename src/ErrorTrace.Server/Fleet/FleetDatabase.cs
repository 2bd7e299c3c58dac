using System.Data.Common;
using ErrorTrace.Server.Jobs;
using ErrorTrace.Server.Options;

namespace ErrorTrace.Server.Fleet;

/// <summary>
/// The service's own store, apart from the platform's jobs table: SQLite in the data directory by default, or a schema
/// of PostgreSQL — the jobs database when it is PostgreSQL, or <c>Store:ConnectionString</c>. The subclasses differ only in
/// how they connect, name tables and serialise migrations; every statement is SQL both accept.
/// </summary>
internal abstract class FleetDatabase : IAsyncDisposable
{
    /// <summary>The indexed jobs (one row per job id: its claim, then its signature).</summary>
    public abstract string Jobs { get; }

    /// <summary>One row per signature ever seen: who announced it, and when its last burst was announced.</summary>
    public abstract string Signatures { get; }

    /// <summary>Applied migrations.</summary>
    public abstract string Migrations { get; }

    /// <summary>Per scope and signature: job count, first and last failure (<see cref="FleetAggregates"/>).</summary>
    public string Totals => Table(FleetAggregates.TotalsTable);

    /// <summary>Per scope, signature and UTC day: job count, first and last failure.</summary>
    public string Days => Table(FleetAggregates.DaysTable);

    /// <summary>Per scope, signature and host: job count.</summary>
    public string Hosts => Table(FleetAggregates.HostsTable);

    /// <summary>Per scope and host: distinct signatures and jobs (the suspect hosts).</summary>
    public string HostTotals => Table(FleetAggregates.HostTotalsTable);

    /// <summary>The smaller of two values (PostgreSQL's <c>LEAST</c>, SQLite's two-argument <c>MIN</c>).</summary>
    public abstract string Least { get; }

    /// <summary>The larger of two values (<c>GREATEST</c> / <c>MAX</c>).</summary>
    public abstract string Greatest { get; }

    /// <summary>Appended to a SELECT inside a transaction to lock its rows until commit (PostgreSQL's <c>FOR UPDATE</c>;
    /// empty on SQLite, whose transactions take the write lock when they begin).</summary>
    public abstract string ForUpdate { get; }

    /// <summary>A store table by its bare name, qualified as this database needs.</summary>
    public abstract string Table(string name);

    /// <summary>For logs and errors: which kind of store this is.</summary>
    public abstract string Describe { get; }

    public abstract DbConnection CreateConnection();

    /// <summary>Before the migrations' table can exist (PostgreSQL: its schema).</summary>
    public virtual Task PrepareAsync(DbConnection connection, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Inside the migration transaction: makes replicas starting together migrate one after the other.</summary>
    public abstract Task LockMigrationsAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken);

    /// <summary>A failure worth retrying the whole transaction for (a deadlock or a serialisation failure).</summary>
    public virtual bool IsRetryable(DbException exception) => false;

    public abstract ValueTask DisposeAsync();

    public static FleetDatabase Create(ServicePaths paths, StoreOptions store)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(store);
        if (!string.IsNullOrWhiteSpace(store.ConnectionString))
        {
            return JobStoreServices.IsPostgres(store.ConnectionString)
                ? new PostgresFleetDatabase(store.ConnectionString, store.Schema)
                : new SqliteFleetDatabase(store.ConnectionString);
        }

        return JobStoreServices.IsPostgres(paths.ConnectionString)
            ? new PostgresFleetDatabase(paths.ConnectionString, store.Schema)
            : new SqliteFleetDatabase($"Data Source={Path.Combine(paths.DataDir, "fleet.db")}");
    }
}
