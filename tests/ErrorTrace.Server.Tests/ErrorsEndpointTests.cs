using System.Net;
using System.Text.Json;

namespace ErrorTrace.Server.Tests;

/// <summary>The seed's verification list and the status codes.</summary>
public sealed class ErrorsEndpointTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Failed_job_gets_200_with_the_full_report()
    {
        using var response = await server.ClientWith(ServerFixture.AliceToken).GetAsync("/api/training/oom1/errors", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var report = await Json.ReadAsync(response);
        Assert.Equal("oom1", report.GetProperty("job_id").GetString());
        Assert.Equal("failed", report.GetProperty("status").GetString());
        Assert.Equal("Training process exited with code 1", report.GetProperty("error_summary").GetString());
        Assert.Equal("torch.OutOfMemoryError", report.GetProperty("traceback").GetProperty("exception_type").GetString());
        Assert.Equal(2, report.GetProperty("traceback").GetProperty("frames").GetArrayLength());
        Assert.Equal("oom_training", report.GetProperty("analysis").GetProperty("error_type").GetString());
        Assert.True(report.GetProperty("errors").GetArrayLength() > 0);
        Assert.Equal("job_oom1.log", report.GetProperty("log").GetProperty("path").GetString());
    }

    [Theory]
    [InlineData("run1", "running")]
    [InlineData("done1", "completed")]
    [InlineData("cancel1", "cancelled")]
    public async Task Non_failed_job_gets_200_with_empty_errors(string id, string status)
    {
        using var response = await server.ClientWith(ServerFixture.AliceToken).GetAsync($"/api/training/{id}/errors", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await Json.ReadAsync(response);
        Assert.Equal(status, report.GetProperty("status").GetString());
        Assert.Equal(0, report.GetProperty("errors").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, report.GetProperty("traceback").ValueKind);
        Assert.Equal(JsonValueKind.Null, report.GetProperty("analysis").ValueKind);
    }

    [Fact]
    public async Task Scan_reads_a_running_job_so_far()
    {
        using var response = await server.ClientWith(ServerFixture.AliceToken).GetAsync("/api/training/run1/errors?scan=true", Ct);
        var report = await Json.ReadAsync(response);
        Assert.Equal("running", report.GetProperty("status").GetString());
        Assert.Contains(report.GetProperty("errors").EnumerateArray(), e => e.GetProperty("message").GetString()!.Contains("Skipping batch 17", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Missing_log_gets_200_with_what_the_database_knows_and_a_note()
    {
        using var response = await server.ClientWith(ServerFixture.AliceToken).GetAsync("/api/training/nolog1/errors", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await Json.ReadAsync(response);
        Assert.Equal("Training timed out - no progress updates for 30 minutes", report.GetProperty("error_summary").GetString());
        Assert.True(report.GetProperty("log").GetProperty("missing").GetBoolean());
        Assert.Contains("missing", report.GetProperty("notes")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_job_is_404_problem()
    {
        using var response = await server.ClientWith(ServerFixture.AdminToken).GetAsync("/api/training/nosuchjob/errors", Ct);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/api/training/bad.id/errors")]
    [InlineData("/api/training/..%2F..%2Fetc%2Fpasswd/errors")]
    [InlineData("/api/training/%2e%2e/errors")]
    [InlineData("/api/training/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/errors")]
    public async Task Invalid_id_is_400_problem(string url)
    {
        using var response = await server.ClientWith(ServerFixture.AdminToken).GetAsync(url, Ct);
        // HttpClient itself folds "%2e%2e" into ".." and removes it, so that one arrives as an unknown route (404).
        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotFound, response.StatusCode.ToString());
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Missing_token_is_401_with_www_authenticate()
    {
        using var response = await server.ClientWith(null).GetAsync("/api/training/oom1/errors", Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Wrong_token_is_401()
    {
        using var response = await server.ClientWith("not-a-real-token").GetAsync("/api/training/oom1/errors", Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task Another_owners_job_is_404_and_admin_sees_it()
    {
        using var alice = await server.ClientWith(ServerFixture.AliceToken).GetAsync("/api/training/bob1/errors", Ct);
        Assert.Equal(HttpStatusCode.NotFound, alice.StatusCode);
        using var bob = await server.ClientWith(ServerFixture.BobToken).GetAsync("/api/training/bob1/errors", Ct);
        Assert.Equal(HttpStatusCode.OK, bob.StatusCode);
        using var admin = await server.ClientWith(ServerFixture.AdminToken).GetAsync("/api/training/bob1/errors", Ct);
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
    }

    [Fact]
    public async Task Secrets_are_redacted_in_everything_returned()
    {
        using var response = await server.ClientWith(ServerFixture.AliceToken).GetAsync("/api/training/oom1/errors", Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        foreach (var secret in new[] { "hf_AbCdEfGhIjKlMnOp", "AKIAIOSFODNN7EXAMPLE", "abcdefghijklmnop1234", "hunter2secret", "sk-proj-ABCDEFGH", "0123456789abcdef0123456789abcdef01234567" })
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        Assert.Contains("[REDACTED]", text, StringComparison.Ordinal);
        Assert.Contains("postgres://trainer:[REDACTED]@db", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ETag_then_304_on_if_none_match()
    {
        var client = server.ClientWith(ServerFixture.AliceToken);
        using var first = await client.GetAsync("/api/training/oom1/errors", Ct);
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/training/oom1/errors");
        request.Headers.IfNoneMatch.Add(etag);
        using var second = await client.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync(Ct));
    }

    [Fact]
    public async Task Errors_never_carry_a_stack_trace()
    {
        // A table that does not exist makes the repository throw: the database cannot be read, a 503 (never a 500 with
        // the provider's exception in it).
        using var broken = server.With(("Jobs:Table", "no_such_table"));
        var client = broken.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", ServerFixture.AdminToken);
        using var response = await client.GetAsync("/api/training/oom1/errors", Ct);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.DoesNotContain(" at ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("SqliteException", text, StringComparison.Ordinal);
    }
}
