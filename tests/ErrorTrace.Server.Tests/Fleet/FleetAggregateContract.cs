using System.Globalization;
using ErrorTrace.Core.Fleet;
using ErrorTrace.Server.Fleet;

namespace ErrorTrace.Server.Tests.Fleet;

/// <summary>
/// The store's aggregates against the in-memory grouping of the CLI (<see cref="FleetGrouping"/>, the reference), on
/// SQLite and on a real PostgreSQL: after jobs are indexed and re-indexed into other signatures, owners, hosts and days,
/// by replicas one after the other or at once, every page the reader makes (all, an owner, a category, since a time
/// inside a day or at midnight, a host) equals grouping the jobs as they now are; a store indexed before the aggregates
/// existed is counted on migration; a completion is counted once.
/// </summary>
public abstract class FleetAggregateContract : IAsyncDisposable
{
    private static readonly DateTime Now = new(2025, 12, 20, 15, 30, 0, DateTimeKind.Utc);

    private static readonly FailureSignature[] Signatures =
    [
        new("oom_training-00000000000000a1", "oom_training", "torch.OutOfMemoryError", "OutOfMemoryError: CUDA out of memory."),
        new("oom_training-00000000000000a2", "oom_training", "torch.OutOfMemoryError", "OutOfMemoryError: in validation_step"),
        new("nccl-00000000000000b1", "nccl", "torch.distributed.DistBackendError", "DistBackendError: NCCL timeout"),
        new("data-00000000000000c1", "data", "KeyError", "KeyError: <str>"),
        new("segfault-00000000000000d1", "segfault", "SIGSEGV", "Segmentation fault"),
    ];

    private static readonly string?[] Owners = ["alice", "bob", null];
    private static readonly string?[] Hosts = ["node-1", "node-2", "node-3", "node-4", null];

    private readonly List<FleetDatabase> _databases = [];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private protected FixedTime Time { get; } = new(Now);

    /// <summary>A new, empty store (not migrated).</summary>
    private protected abstract FleetDatabase CreateStore();

    public virtual async ValueTask DisposeAsync()
    {
        foreach (var db in _databases) await db.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task Pages_equal_a_regrouping_after_jobs_move_between_signatures_owners_hosts_and_days()
    {
        var db = NewStore();
        var replicas = new[] { new FleetStore(db, Time), new FleetStore(db, Time) };
        var model = new Dictionary<string, ModelJob>(StringComparer.Ordinal);
        var random = new Random(15);
        for (var i = 0; i < 160; i++)
        {
            var job = RandomJob(random, $"j{random.Next(40):D2}", model);
            await IndexAsync(replicas[i % 2], job, version: i);
            model[job.Id] = job;
        }

        await AssertPagesMatchAsync(replicas[0], model.Values);
    }

    [Fact]
    public async Task Replicas_indexing_at_once_keep_the_counts_exact()
    {
        var db = NewStore();
        const int workers = 4;
        var models = new Dictionary<string, ModelJob>[workers];
        await Parallel.ForAsync(0, workers, Ct, async (w, ct) =>
        {
            // Each replica its own jobs, all of them on the same signatures, days and hosts: the same aggregate rows.
            var store = new FleetStore(db, Time);
            var model = models[w] = new Dictionary<string, ModelJob>(StringComparer.Ordinal);
            var random = new Random(w);
            for (var i = 0; i < 40; i++)
            {
                var job = RandomJob(random, $"w{w}-{random.Next(12):D2}", model);
                await IndexAsync(store, job, version: i);
                model[job.Id] = job;
            }
        });

        await AssertPagesMatchAsync(new FleetStore(db, Time), models.SelectMany(m => m.Values).ToList());
    }

    [Fact]
    public async Task A_store_indexed_before_the_aggregates_is_counted_when_migrated()
    {
        var db = NewStore();
        await FleetSchema.MigrateAsync(db, Time, Ct, upTo: 1);
        var random = new Random(7);
        var model = new Dictionary<string, ModelJob>(StringComparer.Ordinal);
        await using (var connection = db.CreateConnection())
        {
            await connection.OpenAsync(Ct);
            for (var i = 0; i < 30; i++)
            {
                var job = RandomJob(random, $"old{i:D2}", model);
                model[job.Id] = job;
                // As version 1 wrote them: indexed rows, a re-claimed one still holding its last signature.
                var sql = new SqlBuilder();
                sql.Statement($"""
                    INSERT INTO {db.Jobs} (job_id, version, state, attempts, owner, status, host, signature, category, exception_type, title, failed_at, indexed_at)
                    VALUES ({sql.P(job.Id)}, 'v1', {sql.P(i == 3 ? FleetStore.Claimed : FleetStore.Indexed)}, 1, {sql.P(job.Owner)}, 'failed', {sql.P(job.Host)},
                        {sql.P(job.Signature.Id)}, {sql.P(job.Signature.Category)}, {sql.P(job.Signature.ExceptionType)}, {sql.P(job.Signature.Title)},
                        {sql.P(FleetStore.Millis(job.At))}, {sql.P(FleetStore.Millis(Now))})
                    """);
                sql.Statement($"""
                    INSERT INTO {db.Signatures} (signature, category, exception_type, title, first_indexed)
                    VALUES ({sql.P(job.Signature.Id)}, {sql.P(job.Signature.Category)}, {sql.P(job.Signature.ExceptionType)}, {sql.P(job.Signature.Title)}, 0)
                    ON CONFLICT (signature) DO NOTHING
                    """);
                await using var insert = sql.Command(connection);
                await insert.ExecuteNonQueryAsync(Ct);
            }

            // A job whose analysis failed and never succeeded does not count.
            var error = new SqlBuilder();
            error.Append($"INSERT INTO {db.Jobs} (job_id, version, state, attempts, error) VALUES ('broken', 'v1', '{FleetStore.Failed}', 3, 'IOException')");
            await using var failed = error.Command(connection);
            await failed.ExecuteNonQueryAsync(Ct);
        }

        var store = new FleetStore(db, Time);
        await store.EnsureMigratedAsync(Ct);
        await AssertPagesMatchAsync(store, model.Values);

        // And they move like any other job afterwards.
        var moved = model["old05"] with { Signature = Signatures[4], Host = "node-4", At = Now.AddDays(-1) };
        await IndexAsync(store, moved, version: 2);
        model[moved.Id] = moved;
        await AssertPagesMatchAsync(store, model.Values);
    }

    [Fact]
    public async Task A_completion_counts_once_and_a_lost_claim_counts_nothing()
    {
        var db = NewStore();
        var first = new FleetStore(db, Time);
        var second = new FleetStore(db, Time);
        await first.EnsureMigratedAsync(Ct);
        var job = new ModelJob("once", "alice", "node-1", Signatures[0], Now.AddHours(-2));
        Assert.True(await first.TryClaimAsync(job.Id, "1", "first", TimeSpan.FromMinutes(5), 3, Ct));
        Assert.True((await first.CompleteAsync(Indexed(job, 1), "first", 1000, TimeSpan.FromHours(1), Ct)).Stored);
        Assert.False((await first.CompleteAsync(Indexed(job, 1), "first", 1000, TimeSpan.FromHours(1), Ct)).Stored);

        // Version 2 claimed by the first replica, which then stalls past its lease; the second takes it over.
        var moved = job with { Signature = Signatures[2] };
        Assert.True(await first.TryClaimAsync(job.Id, "2", "first", TimeSpan.FromMinutes(5), 3, Ct));
        Time.Advance(TimeSpan.FromMinutes(6));
        Assert.True(await second.TryClaimAsync(job.Id, "2", "second", TimeSpan.FromMinutes(5), 3, Ct));
        Assert.True((await second.CompleteAsync(Indexed(moved, 2), "second", 1000, TimeSpan.FromHours(1), Ct)).Stored);
        Assert.False((await first.CompleteAsync(Indexed(job, 2), "first", 1000, TimeSpan.FromHours(1), Ct)).Stored);
        await AssertPagesMatchAsync(first, [moved]);
    }

    private FleetDatabase NewStore()
    {
        var db = CreateStore();
        _databases.Add(db);
        return db;
    }

    private static ModelJob RandomJob(Random random, string id, Dictionary<string, ModelJob> model)
    {
        var at = Now.AddMilliseconds(-random.NextInt64((long)TimeSpan.FromDays(20).TotalMilliseconds));
        var job = new ModelJob(id, Owners[random.Next(Owners.Length)], Hosts[random.Next(Hosts.Length)], Signatures[random.Next(Signatures.Length)], at);
        if (!model.TryGetValue(id, out var old)) return job;
        // Re-indexed: often only one thing changes, sometimes nothing at all (a rules change that left it alone).
        return random.Next(6) switch
        {
            0 => old,
            1 => old with { Signature = job.Signature },
            2 => old with { At = old.At.AddMinutes(random.Next(-90, 90)) },
            3 => old with { Host = job.Host },
            4 => old with { Owner = job.Owner },
            _ => job,
        };
    }

    private static async Task IndexAsync(FleetStore store, ModelJob job, int version)
    {
        var v = version.ToString(CultureInfo.InvariantCulture);
        var replica = "r" + store.GetHashCode().ToString(CultureInfo.InvariantCulture);
        await store.EnsureMigratedAsync(Ct);
        Assert.True(await store.TryClaimAsync(job.Id, v, replica, TimeSpan.FromMinutes(5), 3, Ct), $"claim {job.Id} v{v}");
        Assert.True((await store.CompleteAsync(Indexed(job, version), replica, 1000, TimeSpan.FromHours(1), Ct)).Stored, $"complete {job.Id} v{v}");
    }

    private static IndexedJob Indexed(ModelJob job, int version) => new()
    {
        JobId = job.Id,
        Version = version.ToString(CultureInfo.InvariantCulture),
        Owner = job.Owner,
        Status = "failed",
        Host = job.Host,
        Signature = job.Signature,
        FailedAt = job.At,
        LogBytes = 1,
    };

    private async Task AssertPagesMatchAsync(FleetStore store, IReadOnlyCollection<ModelJob> jobs)
    {
        var reader = new FleetReader(store, Time, Microsoft.Extensions.Options.Options.Create(new FleetOptions { ListCacheSeconds = 0 }));
        var midday = Now.Date.AddDays(-4).AddHours(9).AddMinutes(17);
        FailureQuery[] queries =
        [
            new(null, null, null, null, 1, 100),
            new("alice", null, null, null, 1, 100),
            new("bob", null, "oom_training", null, 1, 100),
            new(null, null, "nccl", null, 1, 100),
            new(null, midday, null, null, 1, 100),
            new("alice", midday, "oom_training", null, 1, 100),
            new(null, Now.Date.AddDays(-3), null, null, 1, 100),
            new(null, null, null, "node-2", 1, 100),
            new("bob", midday, null, "node-1", 1, 100),
        ];
        foreach (var query in queries)
        {
            var actual = await reader.ListAsync(query, Ct);
            Assert.Equal(Describe(Expected(jobs, query)), Describe(actual));
            Assert.Equal(actual.Signatures.OrderByDescending(g => g.JobCount).ThenByDescending(g => g.LastSeen).Select(g => g.JobCount),
                actual.Signatures.Select(g => g.JobCount));
        }

        var secondPage = await reader.ListAsync(new FailureQuery(null, null, null, null, 2, 2), Ct);
        var all = Expected(jobs, new FailureQuery(null, null, null, null, 1, 100));
        Assert.Equal(all.Total, secondPage.Total);
        Assert.Equal(all.JobCount, secondPage.JobCount);

        foreach (var owner in Owners)
        {
            foreach (var signature in Signatures)
            {
                var detail = await reader.DetailAsync(signature.Id, owner, 1, 1000, Ct);
                var expected = FleetGrouping.Detail(Failures(jobs.Where(j => owner is null || j.Owner == owner)), signature.Id);
                Assert.Equal(expected is null ? "none" : Describe(expected, allDays: true), detail is null ? "none" : Describe(detail, allDays: true));
            }
        }
    }

    private FailureList Expected(IEnumerable<ModelJob> jobs, FailureQuery query)
    {
        var matching = jobs.Where(j => (query.Owner is null || j.Owner == query.Owner) && (query.Since is null || j.At >= query.Since)
            && (query.Category is null || j.Signature.Category == query.Category) && (query.Host is null || j.Host == query.Host));
        var list = FleetGrouping.Group(Failures(matching));
        var firstDay = Time.GetUtcNow().UtcDateTime.Date.AddDays(-(FleetReader.SparklineDays - 1)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return list with
        {
            Signatures = list.Signatures.Select(g => g with { Days = g.Days.Where(d => string.CompareOrdinal(d.Day, firstDay) >= 0).ToList() }).ToList(),
            SuspectHosts = list.SuspectHosts.Take(FleetGrouping.HostsPerSignature).ToList(),
        };
    }

    private static IEnumerable<IndexedFailure> Failures(IEnumerable<ModelJob> jobs) =>
        jobs.Select(j => new IndexedFailure(j.Id, "failed", j.At, j.Owner, j.Host, j.Signature));

    private static string Describe(FailureList list) =>
        $"total {list.Total}, jobs {list.JobCount}, suspects [{string.Join(", ", list.SuspectHosts.Select(h => $"{h.Host}:{h.SignatureCount}/{h.JobCount}"))}]\n"
        + string.Join("\n", list.Signatures.OrderBy(g => g.Signature, StringComparer.Ordinal).Select(g => Describe(g, allDays: false)));

    private static string Describe(SignatureGroup g, bool allDays) =>
        $"{g.Signature} {g.Category} '{g.ExceptionType}' '{g.Title}' {g.JobCount} {g.FirstSeen:O}..{g.LastSeen:O} "
        + $"hosts [{string.Join(", ", g.Hosts.Select(h => $"{h.Host}:{h.JobCount}"))}] days [{string.Join(", ", g.Days.Select(d => $"{d.Day}:{d.JobCount}"))}] "
        + $"jobs [{string.Join(", ", g.Jobs.Select(j => $"{j.JobId}@{j.UpdatedAt:O}/{j.Host}"))}]" + (allDays ? " (all days)" : "");

    private protected sealed record ModelJob(string Id, string? Owner, string? Host, FailureSignature Signature, DateTime At);
}
