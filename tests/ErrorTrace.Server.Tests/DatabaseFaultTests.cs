using System.Net;

namespace ErrorTrace.Server.Tests;

/// <summary>The jobs database deleted, corrupted and restored under a running service: 503 problems while it cannot be
/// read (never old rows from a pooled connection, never a 500), and back to 200 on its own once it is restored.</summary>
public sealed class DatabaseFaultTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_deleted_then_corrupt_database_is_503_and_the_service_recovers_by_itself()
    {
        // Rows are not remembered here, so every request asks the database.
        using var server = new ServerFixture([], [("Cache:JobRowMilliseconds", "0")]);
        var client = server.ClientWith(ServerFixture.AliceToken);
        var probe = server.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/training/oom1/errors", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/training/jobs", Ct)).StatusCode);

        var saved = server.DatabaseFile + ".saved";
        File.Move(server.DatabaseFile, saved);
        await AssertUnavailable(client, probe);

        await File.WriteAllTextAsync(server.DatabaseFile, "this is not a SQLite database, it is what a failed copy left", Ct);
        await AssertUnavailable(client, probe);

        File.Move(saved, server.DatabaseFile, overwrite: true);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/training/oom1/errors", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/training/jobs", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await probe.GetAsync("/readyz", Ct)).StatusCode);
    }

    private static async Task AssertUnavailable(HttpClient client, HttpClient probe)
    {
        foreach (var path in new[] { "/api/training/oom1/errors", "/api/training/jobs" })
        {
            using var response = await client.GetAsync(path, Ct);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.NotNull(response.Headers.RetryAfter);
            var problem = await Json.ReadAsync(response);
            Assert.Equal(503, problem.GetProperty("status").GetInt32());
        }

        using var ready = await probe.GetAsync("/readyz", Ct);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
    }
}
