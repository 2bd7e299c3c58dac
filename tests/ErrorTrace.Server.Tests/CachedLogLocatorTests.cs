using ErrorTrace.Server.Jobs;
using ErrorTrace.Server.Logs;
using Microsoft.Extensions.Time.Testing;

namespace ErrorTrace.Server.Tests;

/// <summary>The log-location memo: reused within its lifetime, located again after it or when the row's path changes.</summary>
public class CachedLogLocatorTests
{
    [Fact]
    public void A_location_is_resolved_once_within_its_lifetime_and_again_after_it()
    {
        var inner = new CountingLocator();
        var time = new FakeTimeProvider();
        using var cached = new CachedLogLocator(inner, TimeSpan.FromMilliseconds(1000), time);
        var job = new JobRecord { Id = "a1", Status = "failed" };

        var first = cached.Locate(job);
        time.Advance(TimeSpan.FromMilliseconds(999));
        Assert.Same(first, cached.Locate(job));
        Assert.Equal(1, inner.Locates);

        time.Advance(TimeSpan.FromMilliseconds(1));
        cached.Locate(job);
        Assert.Equal(2, inner.Locates);
    }

    [Fact]
    public void A_row_whose_log_path_changed_is_located_again_at_once()
    {
        var inner = new CountingLocator();
        using var cached = new CachedLogLocator(inner, TimeSpan.FromSeconds(1), new FakeTimeProvider());

        cached.Locate(new JobRecord { Id = "a1", Status = "failed" });
        var moved = cached.Locate(new JobRecord { Id = "a1", Status = "failed", LogPath = "elsewhere.log" });
        Assert.Equal(2, inner.Locates);
        Assert.Equal("elsewhere.log", moved.DisplayPath);
    }

    private sealed class CountingLocator : ILogLocator
    {
        public int Locates { get; private set; }

        public LogLocation Locate(JobRecord job)
        {
            Locates++;
            return new LogLocation { DisplayPath = job.LogPath ?? $"job_{job.Id}.log", FullPath = $"/logs/job_{job.Id}.log" };
        }
    }
}
