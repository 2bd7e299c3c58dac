using ErrorTrace.Server.Jobs;

namespace ErrorTrace.Server.Tests;

/// <summary>The repository's behaviour, run against SQLite and against a real PostgreSQL. The table uses other column
/// names than the defaults, so the configured mapping is exercised too.</summary>
public abstract class JobRepositoryContract
{
    protected static readonly DateTime T0 = new(2025, 12, 10, 0, 0, 0, DateTimeKind.Utc);

    protected static readonly TestJob[] Jobs =
    [
        new("a1", "failed", "Training process exited with code 1", "alice", T0.AddHours(1), "custom/a1.log"),
        new("a2", "running", null, "alice", T0.AddHours(2)),
        new("a3", "FAILED", "Cancelled by user", "alice", T0.AddHours(3)),
        new("b1", "completed", null, "bob", T0.AddHours(4)),
    ];

    private protected abstract IJobRepository Repository { get; }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Finds_a_job_with_every_column_mapped()
    {
        var job = await Repository.FindAsync("a1", Ct);
        Assert.NotNull(job);
        Assert.Equal("failed", job.Status);
        Assert.Equal("Training process exited with code 1", job.ErrorMessage);
        Assert.Equal("alice", job.Owner);
        Assert.Equal("custom/a1.log", job.LogPath);
        Assert.Equal(T0.AddHours(1), job.CreatedAt);
        Assert.Equal(DateTimeKind.Utc, job.CreatedAt!.Value.Kind);
    }

    [Fact]
    public async Task Unknown_job_is_null() => Assert.Null(await Repository.FindAsync("nope", Ct));

    [Fact]
    public async Task Status_is_lower_cased() => Assert.Equal("failed", (await Repository.FindAsync("a3", Ct))!.Status);

    [Fact]
    public async Task Lists_newest_first_with_paging()
    {
        var page = await Repository.ListAsync(new JobQuery(null, null, 1, 3), Ct);
        Assert.Equal(4, page.Total);
        Assert.Equal(["b1", "a3", "a2"], page.Jobs.Select(j => j.Id));
        var next = await Repository.ListAsync(new JobQuery(null, null, 2, 3), Ct);
        Assert.Equal(["a1"], next.Jobs.Select(j => j.Id));
    }

    [Fact]
    public async Task Filters_by_owner_and_status()
    {
        var alice = await Repository.ListAsync(new JobQuery("alice", "failed", 1, 10), Ct);
        Assert.Equal(2, alice.Total);
        Assert.Equal(["a3", "a1"], alice.Jobs.Select(j => j.Id));
        var nobody = await Repository.ListAsync(new JobQuery("carol", null, 1, 10), Ct);
        Assert.Equal(0, nobody.Total);
        Assert.Empty(nobody.Jobs);
    }

    [Fact]
    public async Task Ping_succeeds() => await Repository.PingAsync(Ct);
}
