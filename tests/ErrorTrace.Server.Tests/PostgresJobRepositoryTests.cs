using ErrorTrace.Server.Jobs;
using Npgsql;

namespace ErrorTrace.Server.Tests;

/// <summary>The repository contract on a real PostgreSQL, with <c>timestamptz</c> columns in a schema-qualified table.</summary>
public sealed class PostgresJobRepositoryTests : JobRepositoryContract, IClassFixture<PostgresFixture>
{
    private readonly PostgresFixture _postgres;
    private IJobRepository? _repository;

    public PostgresJobRepositoryTests(PostgresFixture postgres)
    {
        _postgres = postgres;
    }

    private protected override IJobRepository Repository => _repository ??= Create();

    private PostgresJobRepository Create()
    {
        _postgres.Require();
        var table = $"{_postgres.Schema}.jobs_mapped";
        using (var connection = _postgres.DataSource!.OpenConnection())
        {
            using var exists = new NpgsqlCommand($"SELECT to_regclass('{table}') IS NOT NULL", connection);
            if (!(bool)exists.ExecuteScalar()!) TestTable.Create(connection, table, TestTable.MappedColumns, Jobs, "timestamptz");
        }

        return new PostgresJobRepository(NpgsqlDataSource.Create(_postgres.ConnectionString!), PostgresFixture.MappedTable(table));
    }
}
