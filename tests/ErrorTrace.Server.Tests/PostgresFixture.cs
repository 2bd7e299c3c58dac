using ErrorTrace.Server.Options;
using Npgsql;

namespace ErrorTrace.Server.Tests;

/// <summary>
/// A real PostgreSQL from <c>ERRORTRACE_TEST_POSTGRES</c> (a connection string; <c>scripts/test.sh</c> starts a server
/// and sets it). Each fixture works in its own schema, dropped at the end. Without the variable the PostgreSQL tests are
/// skipped on a developer machine but fail in CI (<c>CI=true</c>), so CI can never pass without them.
/// </summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    public const string Variable = "ERRORTRACE_TEST_POSTGRES";

    public string? ConnectionString { get; } = Environment.GetEnvironmentVariable(Variable);

    public string Schema { get; } = "et_test_" + Guid.NewGuid().ToString("N")[..12];

    public NpgsqlDataSource? DataSource { get; private set; }

    internal static JobsTableOptions MappedTable(string table) => new()
    {
        Table = table,
        Columns = new JobsColumnOptions
        {
            Id = TestTable.MappedColumns["Id"],
            Status = TestTable.MappedColumns["Status"],
            ErrorMessage = TestTable.MappedColumns["ErrorMessage"],
            Owner = TestTable.MappedColumns["Owner"],
            LogPath = TestTable.MappedColumns["LogPath"],
            CreatedAt = TestTable.MappedColumns["CreatedAt"],
            UpdatedAt = TestTable.MappedColumns["UpdatedAt"],
        },
    };

    /// <summary>Skips (or, in CI, fails) when no server was given.</summary>
    public void Require()
    {
        if (DataSource is not null) return;
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            Assert.Fail($"{Variable} is not set: in CI the PostgreSQL tests must run (scripts/test.sh starts a server).");
        Assert.Skip($"{Variable} is not set (scripts/test.sh starts a PostgreSQL server and sets it).");
    }

    public async ValueTask InitializeAsync()
    {
        if (string.IsNullOrEmpty(ConnectionString)) return;
        DataSource = NpgsqlDataSource.Create(ConnectionString);
        await using var command = DataSource.CreateCommand($"CREATE SCHEMA {Schema}");
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (DataSource is null) return;
        await using (var command = DataSource.CreateCommand($"DROP SCHEMA {Schema} CASCADE"))
            await command.ExecuteNonQueryAsync();
        await DataSource.DisposeAsync();
    }
}
