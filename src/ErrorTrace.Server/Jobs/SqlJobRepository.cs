using System.Data.Common;
using Dapper;
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
        var row = await connection.QuerySingleOrDefaultAsync<JobRow>(
            new CommandDefinition(_sql.Find, new { Id = jobId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return row?.ToRecord();
    }

    public async Task<JobPage> ListAsync(JobQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var (list, count) = _sql.ForQuery(query);
        var parameters = new
        {
            query.Owner,
            query.Status,
            Limit = query.PageSize,
            Offset = (long)(query.Page - 1) * query.PageSize,
        };
        await using var connection = CreateConnection();
        var rows = await connection.QueryAsync<JobRow>(new CommandDefinition(list, parameters, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition(count, parameters, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return new JobPage(rows.Select(r => r.ToRecord()).ToList(), total);
    }

    public async Task PingAsync(CancellationToken cancellationToken)
    {
        await using var connection = CreateConnection();
        await connection.ExecuteScalarAsync<int?>(new CommandDefinition(_sql.Ping, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }
}
