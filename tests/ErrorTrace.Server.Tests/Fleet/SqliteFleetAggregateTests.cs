using ErrorTrace.Server.Fleet;

namespace ErrorTrace.Server.Tests.Fleet;

/// <summary>The aggregate contract on the embedded store: a SQLite file per test.</summary>
public sealed class SqliteFleetAggregateTests : FleetAggregateContract
{
    private readonly TempDir _dir = new();
    private int _stores;

    private protected override FleetDatabase CreateStore() => new SqliteFleetDatabase($"Data Source={_dir.Combine($"fleet{++_stores}.db")}");

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }
}
