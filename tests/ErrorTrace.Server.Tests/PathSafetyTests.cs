using System.Net;

namespace ErrorTrace.Server.Tests;

/// <summary>No request and no row makes the service read a file outside the logs directory.</summary>
public sealed class PathSafetyTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Theory]
    [InlineData("link1")]    // job_link1.log is a symlink to a file outside
    [InlineData("dotdot1")]  // log_path = ../outside/secret.log
    [InlineData("abs1")]     // log_path = an absolute path outside
    [InlineData("subdir1")]  // log_path goes through a symlinked directory that points outside
    [InlineData("enc1")]     // log_path with percent-encoded ../ (a literal name; never decoded)
    public async Task Paths_out_of_the_logs_directory_are_never_read(string id)
    {
        using var response = await server.ClientWith(ServerFixture.AdminToken).GetAsync($"/api/training/{id}/errors", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await Json.ReadAsync(response);
        Assert.True(report.GetProperty("log").GetProperty("missing").GetBoolean());
        Assert.Equal(0, report.GetProperty("errors").GetArrayLength());
        Assert.Single(report.GetProperty("notes").EnumerateArray());
        Assert.DoesNotContain(server.Outside, report.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_absolute_path_inside_the_logs_directory_is_read()
    {
        using var response = await server.ClientWith(ServerFixture.AdminToken).GetAsync("/api/training/absin1/errors", TestContext.Current.CancellationToken);
        var report = await Json.ReadAsync(response);
        Assert.False(report.GetProperty("log").GetProperty("missing").GetBoolean());
        Assert.Equal("job_oom1.log", report.GetProperty("log").GetProperty("path").GetString());
    }
}
