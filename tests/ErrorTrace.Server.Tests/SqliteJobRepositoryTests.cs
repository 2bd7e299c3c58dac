using ErrorTrace.Server.Jobs;
using ErrorTrace.Server.Options;
using Microsoft.Data.Sqlite;

namespace ErrorTrace.Server.Tests;

public sealed class SqliteJobRepositoryTests : JobRepositoryContract, IDisposable
{
    private readonly TempDir _dir = new();

    public SqliteJobRepositoryTests()
    {
        var file = _dir.Combine("jobs.db");
        using (var connection = new SqliteConnection($"Data Source={file};Pooling=False"))
        {
            connection.Open();
            TestTable.Create(connection, "jobs_mapped", TestTable.MappedColumns, Jobs);
        }

        Repository = new SqliteJobRepository($"Data Source={file};Pooling=False", PostgresFixture.MappedTable("jobs_mapped"));
    }

    private protected override IJobRepository Repository { get; }

    public void Dispose() => _dir.Dispose();
}
