using ErrorTrace.Server.Jobs;
using Microsoft.Extensions.Time.Testing;

namespace ErrorTrace.Server.Tests;

/// <summary>The job-row memo: served from memory within its lifetime, asked again after it.</summary>
public class CachedJobRepositoryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_row_is_read_once_within_its_lifetime_and_again_after_it()
    {
        var inner = new CountingRepository();
        var time = new FakeTimeProvider();
        using var cached = new CachedJobRepository(inner, TimeSpan.FromMilliseconds(1000), time);

        await cached.FindAsync("a1", Ct);
        time.Advance(TimeSpan.FromMilliseconds(999));
        var row = await cached.FindAsync("a1", Ct);
        Assert.Equal(1, inner.Finds);
        Assert.Equal("failed", row!.Status);

        time.Advance(TimeSpan.FromMilliseconds(1));
        await cached.FindAsync("a1", Ct);
        Assert.Equal(2, inner.Finds);
    }

    [Fact]
    public async Task Unknown_jobs_are_remembered_too_and_lists_always_go_to_the_store()
    {
        var inner = new CountingRepository();
        using var cached = new CachedJobRepository(inner, TimeSpan.FromSeconds(1), new FakeTimeProvider());

        Assert.Null(await cached.FindAsync("nope", Ct));
        Assert.Null(await cached.FindAsync("nope", Ct));
        Assert.Equal(1, inner.Finds);

        await cached.ListAsync(new JobQuery(null, null, 1, 10), Ct);
        await cached.ListAsync(new JobQuery(null, null, 1, 10), Ct);
        Assert.Equal(2, inner.Lists);
    }

    private sealed class CountingRepository : IJobRepository
    {
        public int Finds { get; private set; }

        public int Lists { get; private set; }

        public Task<JobRecord?> FindAsync(string jobId, CancellationToken cancellationToken)
        {
            Finds++;
            JobRecord? row = jobId == "a1" ? new JobRecord { Id = "a1", Status = "failed", Owner = "alice" } : null;
            return Task.FromResult(row);
        }

        public Task<JobPage> ListAsync(JobQuery query, CancellationToken cancellationToken)
        {
            Lists++;
            return Task.FromResult(new JobPage([], 0));
        }

        public Task PingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
