using System.Data.Common;
using ErrorTrace.Server.Options;
using Microsoft.Data.Sqlite;

namespace ErrorTrace.Server.Jobs;

/// <summary>The embedded default. Opened read-only unless the connection string says otherwise: the service never writes
/// the jobs table.</summary>
internal sealed class SqliteJobRepository(string connectionString, JobsTableOptions table) : SqlJobRepository(table)
{
    private readonly string _connectionString = ReadOnly(connectionString);

    protected override DbConnection CreateConnection() => new SqliteConnection(_connectionString);

    private static string ReadOnly(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (!connectionString.Contains("Mode", StringComparison.OrdinalIgnoreCase)) builder.Mode = SqliteOpenMode.ReadOnly;
        return builder.ToString();
    }
}
