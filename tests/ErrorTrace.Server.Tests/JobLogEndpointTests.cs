using System.Net;
using System.Text.Json;

namespace ErrorTrace.Server.Tests;

/// <summary><c>GET /api/training/{job_id}/log</c> (context lines for the panel) and the job list's additive triage fields.</summary>
public sealed class JobLogEndpointTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_range_of_lines_comes_back_numbered_and_redacted()
    {
        var alice = server.ClientWith(ServerFixture.AliceToken);
        using var response = await alice.GetAsync("/api/training/oom1/log?from=2&to=4", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await Json.ReadAsync(response);
        var lines = body.GetProperty("lines").EnumerateArray().ToArray();
        Assert.Equal([2L, 3L, 4L], lines.Select(l => l.GetProperty("line").GetInt64()));
        var text = body.GetRawText();
        Assert.DoesNotContain("hf_AbCdEf", text, StringComparison.Ordinal);
        Assert.DoesNotContain("AKIAIOSFODNN7EXAMPLE", text, StringComparison.Ordinal);
        Assert.Contains("Full traceback:", lines[2].GetProperty("text").GetString(), StringComparison.Ordinal);
        // The report's line numbers and the log's agree: its traceback starts on line 5.
        var report = await Json.ReadAsync(await alice.GetAsync("/api/training/oom1/errors", Ct));
        var first = report.GetProperty("traceback").GetProperty("first_line").GetInt64();
        var at = await Json.ReadAsync(await alice.GetAsync($"/api/training/oom1/log?from={first}&to={first}", Ct));
        Assert.Equal("Traceback (most recent call last):", at.GetProperty("lines")[0].GetProperty("text").GetString());
    }

    [Theory]
    [InlineData("from=0&to=3")]
    [InlineData("from=5&to=4")]
    [InlineData("from=1&to=501")]
    [InlineData("to=3")]
    [InlineData("from=1&to=2&rank=-1")]
    public async Task A_bad_range_is_a_400_problem(string query)
    {
        using var response = await server.ClientWith(ServerFixture.AliceToken).GetAsync($"/api/training/oom1/log?{query}", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Another_owners_job_and_no_token_are_refused_like_the_report()
    {
        using var other = await server.ClientWith(ServerFixture.AliceToken).GetAsync("/api/training/bob1/log?from=1&to=2", Ct);
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        using var anonymous = await server.ClientWith(null).GetAsync("/api/training/oom1/log?from=1&to=2", Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        using var missing = await server.ClientWith(ServerFixture.AliceToken).GetAsync("/api/training/nolog1/log?from=1&to=2", Ct);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task A_failed_row_has_its_root_cause_and_errors_and_warnings_apart()
    {
        var jobs = await Json.ReadAsync(await server.ClientWith(ServerFixture.AliceToken).GetAsync("/api/training/jobs?page_size=100", Ct));
        var oom = jobs.GetProperty("jobs").EnumerateArray().Single(j => j.GetProperty("job_id").GetString() == "oom1");
        var root = oom.GetProperty("root_cause");
        Assert.Equal("oom_training", root.GetProperty("category").GetString());
        Assert.Equal("torch.OutOfMemoryError", root.GetProperty("exception_type").GetString());
        Assert.StartsWith("CUDA out of memory.", root.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("sk-proj-ABCDEF", root.GetRawText(), StringComparison.Ordinal);

        var report = await Json.ReadAsync(await server.ClientWith(ServerFixture.AliceToken).GetAsync("/api/training/oom1/errors", Ct));
        var levels = report.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("level").GetString()).ToArray();
        Assert.Equal(levels.Count(l => l == "error"), oom.GetProperty("error_count").GetInt32());
        Assert.Equal(levels.Count(l => l == "warning"), oom.GetProperty("warning_count").GetInt32());
        var done = jobs.GetProperty("jobs").EnumerateArray().Single(j => j.GetProperty("job_id").GetString() == "done1");
        Assert.Equal(JsonValueKind.Null, done.GetProperty("root_cause").ValueKind);

        var notScanned = await Json.ReadAsync(await server.ClientWith(ServerFixture.AliceToken).GetAsync("/api/training/done1/errors", Ct));
        Assert.False(notScanned.GetProperty("log").GetProperty("scanned").GetBoolean());
        Assert.True(report.GetProperty("log").GetProperty("scanned").GetBoolean());
    }
}
