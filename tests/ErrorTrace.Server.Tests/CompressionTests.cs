using System.IO.Compression;
using System.Net;
using ErrorTrace.Server.Compression;
using Microsoft.Extensions.Primitives;

namespace ErrorTrace.Server.Tests;

/// <summary>Reports and panel files are gzip-compressed once and sent to clients that accept it.</summary>
public sealed class CompressionTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("gzip", true)]
    [InlineData("gzip, deflate, br", true)]
    [InlineData("br;q=1.0, gzip;q=0.8, *;q=0.1", true)]
    [InlineData("GZIP", true)]
    [InlineData("x-gzip", true)]
    [InlineData("*", true)]
    [InlineData("gzip;q=0", false)]
    [InlineData("gzip;q=0, *", false)]
    [InlineData("*;q=0", false)]
    [InlineData("br, deflate", false)]
    [InlineData("identity", false)]
    [InlineData("", false)]
    [InlineData(";;;q=", false)]
    public void Accept_encoding_allows_gzip_only_when_it_says_so(string header, bool expected) =>
        Assert.Equal(expected, AcceptEncoding.AllowsGzip(new StringValues(header)));

    [Fact]
    public async Task A_report_is_sent_gzipped_to_a_client_that_accepts_it_with_its_own_etag()
    {
        var client = server.ClientWith(ServerFixture.AliceToken);
        using var plain = await client.GetAsync("/api/training/oom1/errors", Ct);
        var identity = await plain.Content.ReadAsByteArrayAsync(Ct);
        Assert.True(identity.Length >= PrecompressedBody.MinimumBytes);
        Assert.Empty(plain.Content.Headers.ContentEncoding);
        Assert.Contains("Accept-Encoding", plain.Headers.Vary);

        using var gzipped = await client.SendAsync(Get("/api/training/oom1/errors", "gzip, deflate, br"), Ct);
        Assert.Equal(HttpStatusCode.OK, gzipped.StatusCode);
        Assert.Equal(["gzip"], gzipped.Content.Headers.ContentEncoding);
        Assert.Contains("Accept-Encoding", gzipped.Headers.Vary);
        Assert.Contains("Authorization", gzipped.Headers.Vary);
        var compressed = await gzipped.Content.ReadAsByteArrayAsync(Ct);
        Assert.True(compressed.Length * 3 < identity.Length, $"{compressed.Length} of {identity.Length} bytes");
        Assert.Equal(identity, Inflate(compressed));
        Assert.NotEqual(plain.Headers.ETag, gzipped.Headers.ETag);

        // Each validator answers 304 only for its own encoding.
        var gzipTag = gzipped.Headers.ETag!;
        using var notModified = await client.SendAsync(Get("/api/training/oom1/errors", "gzip", gzipTag), Ct);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        using var otherEncoding = await client.SendAsync(Get("/api/training/oom1/errors", null, gzipTag), Ct);
        Assert.Equal(HttpStatusCode.OK, otherEncoding.StatusCode);
        Assert.Equal(identity, await otherEncoding.Content.ReadAsByteArrayAsync(Ct));
    }

    [Fact]
    public async Task A_refused_gzip_gets_the_identity_body()
    {
        using var response = await server.ClientWith(ServerFixture.AliceToken).SendAsync(Get("/api/training/oom1/errors", "gzip;q=0, *"), Ct);
        Assert.Empty(response.Content.Headers.ContentEncoding);
        Assert.Equal("oom1", (await Json.ReadAsync(response)).GetProperty("job_id").GetString());
    }

    [Fact]
    public async Task A_small_report_is_never_compressed()
    {
        using var response = await server.ClientWith(ServerFixture.AliceToken).SendAsync(Get("/api/training/done1/errors", "gzip"), Ct);
        Assert.Empty(response.Content.Headers.ContentEncoding);
        Assert.True((await response.Content.ReadAsByteArrayAsync(Ct)).Length < PrecompressedBody.MinimumBytes);
    }

    [Fact]
    public async Task Panel_modules_are_sent_gzipped()
    {
        using var plain = await server.CreateClient().GetAsync("/panel/error-trace-panel.js", Ct);
        Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
        var identity = await plain.Content.ReadAsByteArrayAsync(Ct);
        using var gzipped = await server.CreateClient().SendAsync(Get("/panel/error-trace-panel.js", "gzip"), Ct);
        Assert.Equal(["gzip"], gzipped.Content.Headers.ContentEncoding);
        Assert.Equal(identity, Inflate(await gzipped.Content.ReadAsByteArrayAsync(Ct)));
    }

    private static HttpRequestMessage Get(string path, string? acceptEncoding, System.Net.Http.Headers.EntityTagHeaderValue? ifNoneMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (acceptEncoding is not null) request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        if (ifNoneMatch is not null) request.Headers.IfNoneMatch.Add(ifNoneMatch);
        return request;
    }

    private static byte[] Inflate(byte[] gzip)
    {
        using var input = new GZipStream(new MemoryStream(gzip), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }
}
