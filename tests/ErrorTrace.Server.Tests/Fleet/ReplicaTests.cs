using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using ErrorTrace.Server.Auth;
using Npgsql;

namespace ErrorTrace.Server.Tests.Fleet;

/// <summary>
/// Two server processes over one real PostgreSQL (<c>ERRORTRACE_TEST_POSTGRES</c>): both back-fill the same failed
/// jobs at once, then index the jobs that fail while they run, with no request; every job is analysed exactly once
/// (one claim each, and the replicas' indexed counters add up to the number of jobs), the store is a schema of its
/// own, the jobs table is not written, and both replicas answer the same failures list.
/// </summary>
public sealed partial class ReplicaTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    private const string AdminToken = "replica-admin-token-0123456789";
    private const int Backfilled = 24;
    private const int Later = 12;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Two_replicas_index_each_job_once_with_no_request()
    {
        postgres.Require();
        var db = postgres.DataSource!;
        var storeSchema = postgres.Schema + "_store";
        using var dir = new TempDir();
        Directory.CreateDirectory(dir.Combine("logs"));
        await ExecuteAsync(db, $"CREATE TABLE {postgres.Schema}.training_jobs (id TEXT PRIMARY KEY, status TEXT NOT NULL, error_message TEXT, owner TEXT, log_path TEXT, created_at TIMESTAMPTZ, updated_at TIMESTAMPTZ)");
        var now = DateTime.UtcNow;
        for (var i = 0; i < Backfilled; i++) await AddJobAsync(db, dir, i, now.AddMinutes(-30 + i));

        var settings = new Dictionary<string, string>
        {
            ["Database:ConnectionString"] = postgres.ConnectionString!,
            ["Jobs:Table"] = $"{postgres.Schema}.training_jobs",
            ["Store:Schema"] = storeSchema,
            ["Paths:DataDir"] = dir.Combine("data"),
            ["Paths:LogsDir"] = dir.Combine("logs"),
            ["Fleet:PollSeconds"] = "0.1",
            ["Fleet:Concurrency"] = "2",
            ["Auth:Tokens:0:Name"] = "admin",
            ["Auth:Tokens:0:Sha256"] = TokenTable.Hash(AdminToken),
            ["Auth:Tokens:0:Admin"] = "true",
        };
        try
        {
            await using var first = new ServerProcess(settings);
            await using var second = new ServerProcess(settings);
            var urls = new[] { await first.UrlAsync(), await second.UrlAsync() };
            for (var i = Backfilled; i < Backfilled + Later; i++) await AddJobAsync(db, dir, i, DateTime.UtcNow);

            const int total = Backfilled + Later;
            var rows = await Eventually.HoldsAsync(() => StoreRowsAsync(db, storeSchema), r => r.Count(x => x.State == "indexed") == total,
                $"{total} jobs indexed in the store");
            Assert.All(rows, r => Assert.Equal(1, r.Attempts));
            using var http = new HttpClient();
            var indexed = 0L;
            foreach (var url in urls) indexed += IndexedCounter(await http.GetStringAsync(url + "/metrics", Token));
            Assert.Equal(total, indexed);

            http.DefaultRequestHeaders.Authorization = new("Bearer", AdminToken);
            var lists = new List<JsonElement>();
            foreach (var url in urls) lists.Add(JsonDocument.Parse(await http.GetStringAsync(url + "/api/training/failures", Token)).RootElement.Clone());
            foreach (var list in lists)
            {
                Assert.Equal(total, list.GetProperty("job_count").GetInt64());
                // The OOMs (two sizes) are one signature, the KeyErrors (two keys) another.
                Assert.Equal(2, list.GetProperty("total").GetInt64());
            }

            Assert.Equal(lists[0].GetRawText(), lists[1].GetRawText());
            await using var untouched = db.CreateCommand($"SELECT COUNT(*) FROM {postgres.Schema}.training_jobs WHERE status <> 'failed'");
            Assert.Equal(0L, await untouched.ExecuteScalarAsync(Token));
        }
        finally
        {
            await ExecuteAsync(db, $"DROP SCHEMA IF EXISTS {storeSchema} CASCADE");
        }
    }

    private async Task AddJobAsync(NpgsqlDataSource db, TempDir dir, int i, DateTime at)
    {
        var id = $"r{i:D3}";
        var log = i % 3 == 0 ? FleetLogs.KeyError(i % 2 == 0 ? "labels" : "input_ids") : FleetLogs.CudaOom(i % 2 == 0 ? "2.00 GiB" : "512.00 MiB");
        await File.WriteAllTextAsync(dir.Combine("logs", $"job_{id}.log"), log, Token);
        await using var insert = db.CreateCommand($"INSERT INTO {postgres.Schema}.training_jobs VALUES ($1, 'failed', 'exit 1', 'alice', NULL, $2, $2)");
        insert.Parameters.AddWithValue(id);
        insert.Parameters.AddWithValue(at);
        await insert.ExecuteNonQueryAsync(Token);
    }

    private static async Task<List<(string State, int Attempts)>> StoreRowsAsync(NpgsqlDataSource db, string schema)
    {
        var rows = new List<(string, int)>();
        try
        {
            await using var select = db.CreateCommand($"SELECT state, attempts FROM {schema}.fleet_jobs");
            await using var reader = await select.ExecuteReaderAsync(Token);
            while (await reader.ReadAsync(Token)) rows.Add((reader.GetString(0), reader.GetInt32(1)));
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UndefinedTable || ex.SqlState == PostgresErrorCodes.InvalidSchemaName)
        {
            // Not migrated yet.
        }

        return rows;
    }

    private static long IndexedCounter(string metrics) =>
        IndexedLine().Match(metrics) is { Success: true } m ? long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 0;

    private static async Task ExecuteAsync(NpgsqlDataSource db, string sql)
    {
        await using var command = db.CreateCommand(sql);
        await command.ExecuteNonQueryAsync(Token);
    }

    [GeneratedRegex(@"^errortrace_fleet_jobs_indexed_total (\d+)", RegexOptions.Multiline)]
    private static partial Regex IndexedLine();
}
