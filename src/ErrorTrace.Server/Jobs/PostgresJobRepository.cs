using System.Data.Common;
using ErrorTrace.Server.Options;
using Npgsql;

namespace ErrorTrace.Server.Jobs;

/// <summary>The shared database of several replicas. The data source pools connections; the container disposes it.</summary>
internal sealed class PostgresJobRepository(NpgsqlDataSource dataSource, JobsTableOptions table) : SqlJobRepository(table), IAsyncDisposable
{
    protected override DbConnection CreateConnection() => dataSource.CreateConnection();

    public ValueTask DisposeAsync() => dataSource.DisposeAsync();
}
