using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ErrorTrace.Server.Tests;

/// <summary>A fresh data directory gets the demo: database, logs and tokens, and each demo job answers right.</summary>
public sealed class DemoTests : IDisposable
{
    private readonly TempDir _dir = new();

    [Fact]
    public async Task First_start_seeds_demo_jobs_that_report_correctly()
    {
        using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b.UseSetting("Paths:DataDir", _dir.Path));
        var client = factory.CreateClient();
        var tokens = File.ReadAllLines(_dir.Combine("demo-tokens.txt")).Select(l => l.Split(' ')).ToDictionary(p => p[0], p => p[1]);
        client.DefaultRequestHeaders.Authorization = new("Bearer", tokens["admin"]);
        var expected = new Dictionary<string, (string Status, string? Category)>
        {
            ["demo-cuda-oom"] = ("failed", "oom_training"),
            ["demo-nccl-timeout"] = ("failed", "timeout"),
            ["demo-chat-template"] = ("failed", "config_error"),
            ["demo-host-oom"] = ("failed", "host_oom"),
            ["demo-running"] = ("running", null),
            ["demo-completed"] = ("completed", null),
            ["demo-cancelled"] = ("cancelled", null),
        };
        foreach (var (id, (status, category)) in expected)
        {
            using var response = await client.GetAsync($"/api/training/{id}/errors", TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var report = await Json.ReadAsync(response);
            Assert.Equal(status, report.GetProperty("status").GetString());
            if (category is null) Assert.Equal(System.Text.Json.JsonValueKind.Null, report.GetProperty("analysis").ValueKind);
            else Assert.Equal(category, report.GetProperty("analysis").GetProperty("error_type").GetString());
            Assert.DoesNotContain("s3cr3t-Passw0rd", report.GetRawText(), StringComparison.Ordinal);
        }

        client.DefaultRequestHeaders.Authorization = new("Bearer", tokens["alice"]);
        using var bobs = await client.GetAsync("/api/training/demo-host-oom/errors", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, bobs.StatusCode);
    }

    public void Dispose() => _dir.Dispose();
}
