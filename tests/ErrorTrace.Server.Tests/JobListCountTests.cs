using ErrorTrace.Server.Reports;
using Microsoft.Extensions.DependencyInjection;

namespace ErrorTrace.Server.Tests;

/// <summary>The job list never waits on cold logs one after the other: a job whose log is still being read is listed
/// at once as pending, and its count is there at a later poll.</summary>
public sealed class JobListCountTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_job_still_being_read_is_listed_as_pending_and_counted_later()
    {
        using var server = new ServerFixture([], [("Cache:JobListWaitMilliseconds", "0")]);
        var client = server.ClientWith(ServerFixture.AliceToken);
        // As if a request were reading oom1's (large) log right now: its gate is taken.
        var gate = server.Services.GetRequiredService<AnalysisCache>().GetOrAdd("oom1").Gate;
        await gate.WaitAsync(Ct);
        try
        {
            using var guard = CancellationTokenSource.CreateLinkedTokenSource(Ct);
            guard.CancelAfter(TimeSpan.FromSeconds(60));
            var list = await Json.ReadAsync(await client.GetAsync("/api/training/jobs?page_size=100", guard.Token));
            var oom = list.GetProperty("jobs").EnumerateArray().Single(j => j.GetProperty("job_id").GetString() == "oom1");
            Assert.True(oom.GetProperty("analysis_pending").GetBoolean());
            Assert.Equal(System.Text.Json.JsonValueKind.Null, oom.GetProperty("error_count").ValueKind);
        }
        finally
        {
            gate.Release();
        }

        // The read goes on after the answer; a later poll has the count (bounded: the parse takes milliseconds).
        for (var poll = 0; poll < 200; poll++)
        {
            var list = await Json.ReadAsync(await client.GetAsync("/api/training/jobs?page_size=100", Ct));
            var oom = list.GetProperty("jobs").EnumerateArray().Single(j => j.GetProperty("job_id").GetString() == "oom1");
            if (!oom.GetProperty("analysis_pending").GetBoolean())
            {
                Assert.True(oom.GetProperty("error_count").GetInt32() > 0);
                return;
            }

            await Task.Delay(50, Ct);
        }

        Assert.Fail("The count never came.");
    }
}
