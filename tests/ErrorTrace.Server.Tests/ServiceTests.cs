using System.Net;
using ErrorTrace.Server.Reports;
using Microsoft.Extensions.DependencyInjection;

namespace ErrorTrace.Server.Tests;

/// <summary>The job list, the switches, CORS, health, metrics, OpenAPI and the incremental cache.</summary>
public sealed class ServiceTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Job_list_is_newest_first_paginated_filtered_and_owner_scoped()
    {
        var alice = server.ClientWith(ServerFixture.AliceToken);
        var page = await Json.ReadAsync(await alice.GetAsync("/api/training/jobs?status=failed&page_size=2", Ct));
        Assert.Equal(2, page.GetProperty("jobs").GetArrayLength());
        var ids = page.GetProperty("jobs").EnumerateArray().Select(j => j.GetProperty("job_id").GetString()).ToArray();
        Assert.Equal(["enc1", "subdir1"], ids);
        Assert.True(page.GetProperty("total").GetInt64() >= 8);
        Assert.DoesNotContain("bob1", (await Json.ReadAsync(await alice.GetAsync("/api/training/jobs?page_size=100", Ct))).GetRawText(), StringComparison.Ordinal);

        var all = await Json.ReadAsync(await server.ClientWith(ServerFixture.AdminToken).GetAsync("/api/training/jobs?page_size=100", Ct));
        var oom = all.GetProperty("jobs").EnumerateArray().Single(j => j.GetProperty("job_id").GetString() == "oom1");
        Assert.True(oom.GetProperty("error_count").GetInt32() > 0);
        Assert.Contains("bob1", all.GetRawText(), StringComparison.Ordinal);

        using var bad = await alice.GetAsync("/api/training/jobs?status=exploded", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        using var anonymous = await server.ClientWith(null).GetAsync("/api/training/jobs", Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task Feature_switch_turns_the_errors_endpoint_off()
    {
        using var off = server.With(("Features:ErrorsEndpoint", "false"));
        var client = off.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", ServerFixture.AliceToken);
        using var response = await client.GetAsync("/api/training/oom1/errors", Ct);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Cors_allows_only_configured_origins()
    {
        using var request = Preflight("https://dash.example.com");
        using var none = await server.CreateClient().SendAsync(request, Ct);
        Assert.False(none.Headers.Contains("Access-Control-Allow-Origin"));

        using var configured = server.With(("Cors:Origins:0", "https://dash.example.com"));
        using var allowed = await configured.CreateClient().SendAsync(Preflight("https://dash.example.com"), Ct);
        Assert.Equal("https://dash.example.com", allowed.Headers.GetValues("Access-Control-Allow-Origin").Single());
        using var other = await configured.CreateClient().SendAsync(Preflight("https://evil.example.com"), Ct);
        Assert.False(other.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Health_readiness_metrics_and_openapi()
    {
        var client = server.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/readyz", Ct)).StatusCode);
        await server.ClientWith(ServerFixture.AliceToken).GetAsync("/api/training/oom1/errors", Ct);
        var metrics = await client.GetStringAsync("/metrics", Ct);
        Assert.Contains("http_request_duration_seconds", metrics, StringComparison.Ordinal);
        Assert.Contains("/api/training/{job_id}/errors", metrics, StringComparison.Ordinal);
        Assert.Contains("errortrace_cache_misses_total", metrics, StringComparison.Ordinal);
        Assert.Contains("errortrace_bytes_parsed_total", metrics, StringComparison.Ordinal);
        Assert.Contains("errortrace_parse_duration_seconds", metrics, StringComparison.Ordinal);
        // The final status, written after the handler by the challenge, is the one counted.
        await client.GetAsync("/api/training/oom1/errors", Ct);
        var again = await client.GetStringAsync("/metrics", Ct);
        Assert.Contains("http_requests_received_total{code=\"401\",method=\"GET\",controller=\"\",action=\"\",endpoint=\"/api/training/{job_id}/errors\"}", again, StringComparison.Ordinal);
        // Per-request meters of ASP.NET Core are not republished (their adapter costs more than the request).
        Assert.DoesNotContain("microsoft_aspnetcore_hosting", again, StringComparison.Ordinal);
        var openapi = await client.GetStringAsync("/openapi/v1.json", Ct);
        Assert.Contains("/api/training/{job_id}/errors", openapi, StringComparison.Ordinal);
        Assert.Contains("exception_type", openapi, StringComparison.Ordinal);

        using var down = server.With(("Database:ConnectionString", $"Data Source={server.LogsDir}/nope/missing.db"));
        using var ready = await down.CreateClient().GetAsync("/readyz", Ct);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal("application/problem+json", ready.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_grown_log_is_read_only_from_where_it_stopped()
    {
        var client = server.ClientWith(ServerFixture.AliceToken);
        var first = await Json.ReadAsync(await client.GetAsync("/api/training/grow1/errors?scan=true", Ct));
        var analysis = server.Services.GetRequiredService<AnalysisCache>().GetOrAdd("grow1");
        var before = analysis.Analyzer!.BytesConsumed;
        Assert.Equal(new FileInfo(Path.Combine(server.LogsDir, "job_grow1.log")).Length, before);
        var analyzer = analysis.Analyzer;

        await File.AppendAllTextAsync(Path.Combine(server.LogsDir, "job_grow1.log"), SampleLogs.Appended, Ct);
        var second = await Json.ReadAsync(await client.GetAsync("/api/training/grow1/errors?scan=true", Ct));
        Assert.Same(analyzer, analysis.Analyzer);
        Assert.Equal(before + System.Text.Encoding.UTF8.GetByteCount(SampleLogs.Appended), analysis.Analyzer!.BytesConsumed);
        Assert.Equal(first.GetProperty("errors").GetArrayLength() + 1, second.GetProperty("errors").GetArrayLength());
        Assert.Contains("NaN loss", second.GetRawText(), StringComparison.Ordinal);
    }

    private static HttpRequestMessage Preflight(string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, "/api/training/oom1/errors");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "GET");
        request.Headers.Add("Access-Control-Request-Headers", "authorization");
        return request;
    }
}
