using System.Data.Common;
using ErrorTrace.Server.Data;
using ErrorTrace.Server.Options;

namespace ErrorTrace.Server.Jobs;

/// <summary>The repository over any ADO.NET provider; the subclasses only open connections.</summary>
internal abstract class SqlJobRepository(JobsTableOptions table) : IJobRepository
{
    private readonly JobsSql _sql = new(table);

    protected abstract DbConnection CreateConnection();

    public async Task<JobRecord?> FindAsync(string jobId, CancellationToken cancellationToken)
    {
        await using var connection = CreateConnection();
        await using var command = await DbQueries.CommandAsync(connection, _sql.Find, cancellationToken).ConfigureAwait(false);
        var row = await command.With("Id", jobId).SingleOrDefaultAsync(JobRow.Read, cancellationToken).ConfigureAwait(false);
        return row?.ToRecord();
    }

    public async Task<JobPage> ListAsync(JobQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var (list, count) = _sql.ForQuery(query);
        await using var connection = CreateConnection();
        await using var listCommand = await DbQueries.CommandAsync(connection, list, cancellationToken).ConfigureAwait(false);
        JobsSql.AddFilterParameters(listCommand, query)
            .With("Limit", query.PageSize)
            .With("Offset", (long)(query.Page - 1) * query.PageSize);
        var rows = await listCommand.ListAsync(JobRow.Read, cancellationToken).ConfigureAwait(false);
        await using var countCommand = await DbQueries.CommandAsync(connection, count, cancellationToken).ConfigureAwait(false);
        var total = await JobsSql.AddFilterParameters(countCommand, query).ScalarInt64Async(cancellationToken).ConfigureAwait(false);
        return new JobPage(rows.ConvertAll(r => r.ToRecord()), total);
    }

    public async Task PingAsync(CancellationToken cancellationToken)
    {
        await using var connection = CreateConnection();
        await using var command = await DbQueries.CommandAsync(connection, _sql.Ping, cancellationToken).ConfigureAwait(false);
        await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
    }
}
