using System.Net;
using System.Text.Json;

namespace ErrorTrace.Server.Tests.Fleet;

/// <summary>The indexer and the failures endpoints on SQLite: jobs indexed with no request, grouped by signature,
/// scoped to their owner, the webhook and the counter. One service for the class (the indexer polls every 50 ms).</summary>
public sealed class FleetEndpointTests(FleetFixture fixture) : IClassFixture<FleetFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private async Task<JsonElement> GetAsync(string token, string url)
    {
        using var client = fixture.ClientWith(token);
        using var response = await client.GetAsync(url, Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await Json.ReadAsync(response);
    }

    /// <summary>The back-fill has indexed the fixture's five failed jobs (nobody asked for any of them).</summary>
    private Task<JsonElement> IndexedAsync(string token = FleetFixture.AdminToken, string query = "") =>
        Eventually.HoldsAsync(() => GetAsync(token, "/api/training/failures" + query), r => r.GetProperty("job_count").GetInt64() >= 5, "five failed jobs indexed");

    private static JsonElement Find(JsonElement list, string exceptionType) =>
        list.GetProperty("signatures").EnumerateArray().Single(s => s.GetProperty("exception_type").GetString() == exceptionType);

    private static string[] JobIds(JsonElement list) =>
        [.. list.GetProperty("signatures").EnumerateArray().SelectMany(s => s.GetProperty("jobs").EnumerateArray()).Select(j => j.GetProperty("job_id").GetString()!).Order()];

    [Fact]
    public async Task Failed_jobs_are_indexed_without_any_request_and_the_same_oom_at_other_sizes_is_one_signature()
    {
        var list = await IndexedAsync();
        var oom = Find(list, "torch.OutOfMemoryError");
        Assert.StartsWith("oom_training-", oom.GetProperty("signature").GetString(), StringComparison.Ordinal);
        Assert.Equal("OutOfMemoryError: CUDA out of memory.", oom.GetProperty("title").GetString());
        Assert.True(oom.GetProperty("job_count").GetInt64() >= 3);
        Assert.Contains("oom-b1", oom.GetProperty("jobs").EnumerateArray().Select(j => j.GetProperty("job_id").GetString()));
        Assert.Equal("failed", oom.GetProperty("jobs")[0].GetProperty("status").GetString());
        Assert.NotEqual(JsonValueKind.Null, oom.GetProperty("first_seen").ValueKind);

        var key = Find(list, "KeyError");
        Assert.Equal(1, key.GetProperty("job_count").GetInt64());
        var host = Find(list, "SIGKILL");
        Assert.Equal("host_oom", host.GetProperty("category").GetString());
        Assert.Equal("node-3", host.GetProperty("hosts")[0].GetProperty("host").GetString());
        Assert.DoesNotContain("done-a1", JobIds(list));
        Assert.Equal(list.GetProperty("signatures").GetArrayLength(), list.GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task A_job_that_fails_while_the_service_runs_is_indexed_with_no_request()
    {
        await IndexedAsync();
        fixture.AddFailedJob("late-a1", "alice", FleetLogs.CudaOom("4.00 GiB"), DateTime.UtcNow);
        using var client = fixture.ClientWith(FleetFixture.AliceToken);
        var failure = await Eventually.HoldsAsync(
            async () =>
            {
                using var response = await client.GetAsync("/api/training/jobs/late-a1/failure", Token);
                return response.StatusCode == HttpStatusCode.OK ? await Json.ReadAsync(response) : default;
            },
            r => r.ValueKind == JsonValueKind.Object, "the late job indexed");
        Assert.StartsWith("oom_training-", failure.GetProperty("signature").GetString(), StringComparison.Ordinal);
        // alice sees her own OOMs only: oom-a1, oom-a2 and this one.
        Assert.Equal(2, failure.GetProperty("other_jobs").GetInt64());
        Assert.Equal(3, failure.GetProperty("job_count").GetInt64());
    }

    [Fact]
    public async Task A_log_that_is_a_symbolic_link_is_not_read()
    {
        // The link points at a CUDA OOM outside the logs directory: indexed as a job whose log could not be read.
        var outside = fixture.OutsideFile("secret.log", FleetLogs.CudaOom("1.00 GiB"));
        fixture.AddFailedJob("link-c1", "carol", log: null, DateTime.UtcNow, linkTo: outside);
        using var client = fixture.ClientWith(FleetFixture.AdminToken);
        var failure = await Eventually.HoldsAsync(
            async () =>
            {
                using var response = await client.GetAsync("/api/training/jobs/link-c1/failure", Token);
                return response.StatusCode == HttpStatusCode.OK ? await Json.ReadAsync(response) : default;
            },
            r => r.ValueKind == JsonValueKind.Object, "the linked job indexed");
        Assert.NotEqual("oom_training", failure.GetProperty("category").GetString());
        Assert.StartsWith("Log missing", failure.GetProperty("title").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_owner_sees_only_signatures_of_their_own_jobs()
    {
        await IndexedAsync();
        var alice = await GetAsync(FleetFixture.AliceToken, "/api/training/failures");
        Assert.All(JobIds(alice), id => Assert.Contains(id, new[] { "oom-a1", "oom-a2", "key-a1", "late-a1" }));
        Assert.Throws<InvalidOperationException>(() => Find(alice, "SIGKILL"));
        var bob = await GetAsync(FleetFixture.BobToken, "/api/training/failures");
        Assert.Equal(["hostoom-b1", "oom-b1"], JobIds(bob));
        Assert.Equal(1, Find(bob, "torch.OutOfMemoryError").GetProperty("job_count").GetInt64());

        var keySignature = Find(alice, "KeyError").GetProperty("signature").GetString();
        using var client = fixture.ClientWith(FleetFixture.BobToken);
        using var hidden = await client.GetAsync($"/api/training/failures/{keySignature}", Token);
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        using var otherJob = await client.GetAsync("/api/training/jobs/key-a1/failure", Token);
        Assert.Equal(HttpStatusCode.NotFound, otherJob.StatusCode);
    }

    [Fact]
    public async Task A_signature_has_every_job_and_its_days()
    {
        var list = await IndexedAsync();
        var signature = Find(list, "torch.OutOfMemoryError").GetProperty("signature").GetString();
        var detail = await GetAsync(FleetFixture.AdminToken, $"/api/training/failures/{signature}");
        var count = detail.GetProperty("job_count").GetInt64();
        Assert.Equal(count, detail.GetProperty("jobs").GetArrayLength());
        Assert.Equal(count, detail.GetProperty("days").EnumerateArray().Sum(d => d.GetProperty("job_count").GetInt64()));
        var paged = await GetAsync(FleetFixture.AdminToken, $"/api/training/failures/{signature}?page_size=1&page=2");
        Assert.Single(paged.GetProperty("jobs").EnumerateArray());
    }

    [Fact]
    public async Task Filters_by_category_host_and_time()
    {
        await IndexedAsync();
        var hostOom = await GetAsync(FleetFixture.AdminToken, "/api/training/failures?category=host_oom");
        Assert.Equal(["hostoom-b1"], JobIds(hostOom));
        var node3 = await GetAsync(FleetFixture.AdminToken, "/api/training/failures?host=node-3");
        Assert.Equal(["hostoom-b1"], JobIds(node3));
        var future = await GetAsync(FleetFixture.AdminToken, "/api/training/failures?since=2999-01-01");
        Assert.Equal(0, future.GetProperty("total").GetInt64());
        var lastDay = await GetAsync(FleetFixture.AdminToken, "/api/training/failures?since=24h&page_size=1");
        Assert.Single(lastDay.GetProperty("signatures").EnumerateArray());
        Assert.True(lastDay.GetProperty("total").GetInt64() >= 3);
    }

    [Theory]
    [InlineData("/api/training/failures?since=yesterday")]
    [InlineData("/api/training/failures?page=0")]
    [InlineData("/api/training/failures?page_size=101")]
    [InlineData("/api/training/failures?host=a%20b")]
    [InlineData("/api/training/failures/not-a-signature")]
    [InlineData("/api/training/failures/oom_training-0123456789abcdef?page_size=0")]
    [InlineData("/api/training/jobs/bad%20id/failure")]
    public async Task Bad_queries_are_problems(string url)
    {
        using var client = fixture.ClientWith(FleetFixture.AdminToken);
        using var response = await client.GetAsync(url, Token);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Unknown_signatures_are_404_and_no_token_is_401()
    {
        using var admin = fixture.ClientWith(FleetFixture.AdminToken);
        using var unknown = await admin.GetAsync("/api/training/failures/oom_training-0123456789abcdef", Token);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        using var anonymous = fixture.ClientWith(null);
        using var denied = await anonymous.GetAsync("/api/training/failures", Token);
        Assert.Equal(HttpStatusCode.Unauthorized, denied.StatusCode);
    }

    [Fact]
    public async Task The_webhook_announces_new_signatures_and_bursts()
    {
        await IndexedAsync();
        var messages = await Eventually.HoldsAsync(() => Task.FromResult(fixture.Receiver.Messages.ToArray()),
            m => m.Count(x => x.GetProperty("kind").GetString() == "new") >= 3, "a message per new signature");
        var oom = messages.First(m => m.GetProperty("kind").GetString() == "new" && m.GetProperty("category").GetString() == "oom_training");
        Assert.Contains("New failure", oom.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Contains("OutOfMemoryError", oom.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("https://errortrace.example.com/failures/oom_training-", oom.GetProperty("url").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, messages.Count(m => m.GetProperty("kind").GetString() == "new" && m.GetProperty("category").GetString() == "oom_training"));

        // Enough OOMs within the hour make a burst, announced once.
        for (var i = 0; i < FleetFixture.BurstJobs; i++) fixture.AddFailedJob($"burst-{i}", "carol", FleetLogs.CudaOom($"{i + 1}.00 GiB"), DateTime.UtcNow);
        var burst = await Eventually.HoldsAsync(() => Task.FromResult(fixture.Receiver.Messages.ToArray()),
            m => m.Any(x => x.GetProperty("kind").GetString() == "burst"), "a burst message");
        var message = burst.Single(m => m.GetProperty("kind").GetString() == "burst");
        Assert.Equal("oom_training", message.GetProperty("category").GetString());
        Assert.True(message.GetProperty("job_count").GetInt64() >= FleetFixture.BurstJobs);
        Assert.Contains("jobs in the last 60 min", message.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_failure_counter_and_the_openapi_document()
    {
        await IndexedAsync();
        using var client = fixture.ClientWith(null);
        var metrics = await client.GetStringAsync("/metrics", Token);
        Assert.Contains("errortrace_job_failures_total{category=\"oom_training\"}", metrics, StringComparison.Ordinal);
        Assert.Contains("errortrace_job_failures_total{category=\"host_oom\"}", metrics, StringComparison.Ordinal);
        Assert.Contains("errortrace_fleet_jobs_indexed_total", metrics, StringComparison.Ordinal);
        var openApi = await client.GetStringAsync("/openapi/v1.json", Token);
        Assert.Contains("/api/training/failures/{signature}", openApi, StringComparison.Ordinal);
        Assert.Contains("/api/training/jobs/{job_id}/failure", openApi, StringComparison.Ordinal);
        Assert.Contains("suspect_hosts", openApi, StringComparison.Ordinal);
    }
}
