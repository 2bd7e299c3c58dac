using ErrorTrace.Server.Fleet;

namespace ErrorTrace.Server.Tests.Fleet;

/// <summary>The aggregate contract on a real PostgreSQL: a store schema per test, dropped at the end.</summary>
public sealed class PostgresFleetAggregateTests(PostgresFixture postgres) : FleetAggregateContract, IClassFixture<PostgresFixture>
{
    private readonly List<string> _schemas = [];

    private protected override FleetDatabase CreateStore()
    {
        postgres.Require();
        var schema = $"{postgres.Schema}_store{_schemas.Count}";
        _schemas.Add(schema);
        return new PostgresFleetDatabase(postgres.ConnectionString!, schema);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        foreach (var schema in _schemas)
        {
            await using var drop = postgres.DataSource!.CreateCommand($"DROP SCHEMA IF EXISTS {schema} CASCADE");
            await drop.ExecuteNonQueryAsync();
        }
    }
}
