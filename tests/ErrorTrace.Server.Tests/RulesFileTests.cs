using System.Net;

namespace ErrorTrace.Server.Tests;

/// <summary><c>Classification:RulesFile</c> (<c>serve --rules</c>): the same rules file as the CLI's, for the category and
/// for every frame's <c>in_app</c>.</summary>
public sealed class RulesFileTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_rules_file_classifies_and_decides_in_app()
    {
        var path = Path.Combine(server.LogsDir, "..", "team-rules.json");
        await File.WriteAllTextAsync(path, """
            {
              "frames": { "library": ["/home/user/standalone_trainer.py"] },
              "rules": [ { "id": "team-oom-is-a-leak", "comment": "our metric leaks", "category": "user_code", "confidence": "high",
                           "match": { "message": ["CUDA out of memory"] } } ]
            }
            """, Ct);
        using var configured = server.With(("Classification:RulesFile", path));
        using var client = configured.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", ServerFixture.AliceToken);

        using var response = await client.GetAsync("/api/training/oom1/errors", Ct);
        var report = await Json.ReadAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("team-oom-is-a-leak", report.GetProperty("analysis").GetProperty("rule_id").GetString());
        Assert.All(report.GetProperty("traceback").GetProperty("frames").EnumerateArray(), f => Assert.False(f.GetProperty("in_app").GetBoolean()));
    }

    [Fact]
    public async Task Without_a_rules_file_the_built_in_rules_decide()
    {
        using var response = await server.ClientWith(ServerFixture.AliceToken).GetAsync("/api/training/oom1/errors", Ct);
        var report = await Json.ReadAsync(response);

        Assert.Equal("oom_training", report.GetProperty("analysis").GetProperty("error_type").GetString());
        Assert.All(report.GetProperty("traceback").GetProperty("frames").EnumerateArray(), f => Assert.True(f.GetProperty("in_app").GetBoolean()));
    }

    [Fact]
    public void A_bad_rules_file_stops_the_service_at_start_with_the_loaders_message()
    {
        var path = Path.Combine(server.LogsDir, "..", "bad-rules.json");
        File.WriteAllText(path, """{ "rules": [ { "id": "x", "category": "no_such_category", "match": { "message": ["a"] } } ] }""");
        using var broken = server.With(("Classification:RulesFile", path));

        var e = Assert.ThrowsAny<Exception>(() => broken.CreateClient());

        Assert.Contains("unknown category 'no_such_category'", e.ToString(), StringComparison.Ordinal);
    }
}
