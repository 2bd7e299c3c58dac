using System.Data.Common;
using ErrorTrace.Server.Logs;
using ErrorTrace.Server.Options;
using Microsoft.Data.Sqlite;

namespace ErrorTrace.Server.Jobs;

/// <summary>
/// The embedded default. Opened read-only unless the connection string says otherwise: the service never writes the
/// jobs table. Connections are pooled (an open costs a file open and a schema read), and a pooled connection keeps the
/// file it opened: so before each connection the file's device and inode are read again (one <c>statx</c>), and when the
/// file was deleted or replaced the pool is emptied. A missing file is <see cref="JobStoreUnavailableException"/> (503);
/// once a file is back, the next request opens it.
/// </summary>
internal sealed class SqliteJobRepository(string connectionString, JobsTableOptions table) : SqlJobRepository(table)
{
    private readonly string _connectionString = ReadOnly(connectionString);
    private readonly string? _file = FileOf(connectionString);
    private readonly Lock _gate = new();
    private FileIdentity? _opened;

    protected override DbConnection CreateConnection()
    {
        if (_file is not null) CheckFile(_file);
        return new SqliteConnection(_connectionString);
    }

    private void CheckFile(string file)
    {
        var now = FileStat.OfPath(file, followLinks: true)?.Identity;
        lock (_gate)
        {
            if (_opened is { } before && before != now)
            {
                // Pooled connections still read the old (deleted or replaced) file: drop them.
                using var any = new SqliteConnection(_connectionString);
                SqliteConnection.ClearPool(any);
            }

            _opened = now;
        }

        if (now is null) throw new JobStoreUnavailableException("The jobs database file is missing.");
    }

    private static string ReadOnly(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (!connectionString.Contains("Mode", StringComparison.OrdinalIgnoreCase)) builder.Mode = SqliteOpenMode.ReadOnly;
        return builder.ToString();
    }

    /// <summary>The database file, or null for an in-memory or URI database (nothing to watch).</summary>
    private static string? FileOf(string connectionString)
    {
        var source = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (string.IsNullOrEmpty(source) || source == ":memory:" || source.StartsWith("file:", StringComparison.OrdinalIgnoreCase)) return null;
        return Path.GetFullPath(source);
    }
}
