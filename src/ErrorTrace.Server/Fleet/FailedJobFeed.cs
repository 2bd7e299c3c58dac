using System.Data.Common;
using System.Globalization;
using ErrorTrace.Core.Fleet;
using ErrorTrace.Server.Data;
using ErrorTrace.Server.Jobs;
using ErrorTrace.Server.Options;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace ErrorTrace.Server.Fleet;

/// <summary>
/// Reads the failed rows of the platform's jobs table (read-only, with the configured names): all of them for a sweep,
/// or those whose <c>updated_at</c> is at or past a watermark for a poll, newest first.
/// </summary>
internal sealed class FailedJobFeed : IAsyncDisposable
{
    private readonly Func<DbConnection> _connect;
    private readonly NpgsqlDataSource? _postgres;
    private readonly string _all;
    private readonly string _since;

    public FailedJobFeed(ServicePaths paths, JobsTableOptions table)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(table);
        if (JobStoreServices.IsPostgres(paths.ConnectionString))
        {
            _postgres = NpgsqlDataSource.Create(paths.ConnectionString);
            _connect = _postgres.CreateConnection;
        }
        else
        {
            var builder = new SqliteConnectionStringBuilder(paths.ConnectionString);
            if (!paths.ConnectionString.Contains("Mode", StringComparison.OrdinalIgnoreCase)) builder.Mode = SqliteOpenMode.ReadOnly;
            // A fresh connection per poll (one every few seconds): a database file replaced under the server is seen at once.
            builder.Pooling = false;
            var connectionString = builder.ToString();
            _connect = () => new SqliteConnection(connectionString);
        }

        var c = table.Columns;
        var q = SqlIdentifier.Quote;
        var columns = string.Join(", ",
            $"{q(c.Id)} AS \"Id\"", $"{q(c.Status)} AS \"Status\"", $"{q(c.ErrorMessage)} AS \"ErrorMessage\"",
            $"{q(c.Owner)} AS \"Owner\"", $"{q(c.LogPath)} AS \"LogPath\"", $"{q(c.CreatedAt)} AS \"CreatedAt\"",
            $"{q(c.UpdatedAt)} AS \"UpdatedAt\"", string.IsNullOrWhiteSpace(c.Host) ? "NULL AS \"Host\"" : $"{q(c.Host)} AS \"Host\"");
        var select = $"SELECT {columns} FROM {q(table.Table)} WHERE LOWER({q(c.Status)}) = '{JobStatuses.Failed}'";
        var order = $"ORDER BY {q(c.UpdatedAt)} DESC, {q(c.Id)} DESC";
        _all = $"{select} {order}";
        _since = $"{select} AND {q(c.UpdatedAt)} >= @Since {order}";
    }

    /// <summary>Failed jobs, newest first: every one when <paramref name="since"/> is null.</summary>
    public async Task<List<FailedJob>> ReadAsync(object? since, CancellationToken cancellationToken)
    {
        await using var connection = _connect();
        await using var command = await DbQueries.CommandAsync(connection, since is null ? _all : _since, cancellationToken).ConfigureAwait(false);
        if (since is not null)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "Since";
            parameter.Value = since;
            command.Parameters.Add(parameter);
        }

        return await command.ListAsync(Read, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The later of two raw <c>updated_at</c> values, compared as the normalised times.</summary>
    public static object? Later(object? watermark, FailedJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (job.RawUpdatedAt is null || job.Job.UpdatedAt is null) return watermark;
        if (watermark is null) return job.RawUpdatedAt;
        var current = new JobRow { UpdatedAt = watermark }.ToRecord().UpdatedAt;
        return current is null || job.Job.UpdatedAt > current ? job.RawUpdatedAt : watermark;
    }

    public ValueTask DisposeAsync() => _postgres?.DisposeAsync() ?? ValueTask.CompletedTask;

    private static FailedJob Read(DbDataReader reader)
    {
        var row = JobRow.Read(reader);
        var job = row.ToRecord();
        var host = FailureHost.Clean(reader.Value("Host") is { } h ? Convert.ToString(h, CultureInfo.InvariantCulture) : null);
        var version = (job.UpdatedAt?.ToString("O", CultureInfo.InvariantCulture) ?? Convert.ToString(row.UpdatedAt, CultureInfo.InvariantCulture) ?? "") + "|" + job.Status;
        return new FailedJob(job, host, version, row.UpdatedAt);
    }
}
