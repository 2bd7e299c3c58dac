using System.Net;
using System.Net.Http.Headers;
using ErrorTrace.Core.Rendering;
using ErrorTrace.Core.Reports;

namespace ErrorTrace.Server.Tests;

/// <summary><c>GET /api/training/{job_id}/errors</c> as Markdown: the CLI's <c>--format markdown</c> text, served so the
/// panel's "Copy report" and a curl line paste the same report as the command line (one renderer, in C#).</summary>
public sealed class ReportMarkdownTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private const string Path = "/api/training/oom1/errors";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Format_markdown_is_the_json_report_rendered_by_the_clis_renderer()
    {
        var client = server.ClientWith(ServerFixture.AliceToken);
        var json = await client.GetStringAsync(Path, Ct);
        using var response = await client.GetAsync(Path + "?format=markdown", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/markdown", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        var markdown = await response.Content.ReadAsStringAsync(Ct);
        Assert.Equal(MarkdownReport.Render(ReportJson.Deserialize(json)!), markdown);
        Assert.StartsWith("## errortrace: job `oom1`", markdown, StringComparison.Ordinal);
        Assert.Contains("torch.OutOfMemoryError", markdown, StringComparison.Ordinal);
        Assert.Contains("```pytb", markdown, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("text/markdown", "text/markdown")]
    [InlineData("text/markdown, application/json;q=0.5", "text/markdown")]
    [InlineData("application/json, text/markdown;q=0.5", "application/json")]
    [InlineData("*/*", "application/json")]
    [InlineData("text/markdown;q=0", "application/json")]
    public async Task Accept_chooses_markdown_only_when_it_ranks_above_json(string accept, string expected)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ServerFixture.AliceToken);
        request.Headers.TryAddWithoutValidation("Accept", accept);
        using var response = await server.ClientWith(null).SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Accept", response.Headers.Vary);
    }

    [Fact]
    public async Task Markdown_has_its_own_etag_and_answers_if_none_match_with_304()
    {
        var client = server.ClientWith(ServerFixture.AliceToken);
        using var json = await client.GetAsync(Path, Ct);
        using var first = await client.GetAsync(Path + "?format=markdown", Ct);
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        Assert.NotEqual(json.Headers.ETag, etag);

        using var again = new HttpRequestMessage(HttpMethod.Get, Path + "?format=markdown");
        again.Headers.IfNoneMatch.Add(etag);
        using var second = await client.SendAsync(again, Ct);
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
    }

    [Fact]
    public async Task An_unknown_format_is_a_problem_not_a_guess()
    {
        using var response = await server.ClientWith(ServerFixture.AliceToken).GetAsync(Path + "?format=xml", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("json or markdown", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_owners_job_is_not_found_in_markdown_either()
    {
        using var response = await server.ClientWith(ServerFixture.AliceToken).GetAsync("/api/training/bob1/errors?format=markdown", Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
