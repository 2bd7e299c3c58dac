using System.IO.Compression;
using Microsoft.Net.Http.Headers;

namespace ErrorTrace.Server.Compression;

/// <summary>
/// A response body that does not change once made (a rendered report, a panel file), kept as sent and, from the first
/// client that accepts it, gzip-compressed once. Compressing per response (ASP.NET Core's response-compression
/// middleware) would cost more CPU per request than serving the report itself; a cached body is compressed once, as
/// static-file servers serve their precompressed <c>.gz</c> files. A report shrinks about 6× (19 KB → 3 KB), which is
/// what a dashboard embedding the panel downloads on every poll.
/// </summary>
internal sealed class PrecompressedBody(byte[] identity, EntityTagHeaderValue etag)
{
    /// <summary>Under this, a gzip member's 18 bytes of framing and the client's inflating cost more than they save
    /// (a no-failure report is a few hundred bytes).</summary>
    internal const int MinimumBytes = 1024;

    private byte[]? _gzip;

    public byte[] Identity { get; } = identity;

    public EntityTagHeaderValue ETag { get; } = etag;

    /// <summary>The gzip body's own validator: the identity tag with <c>-gzip</c> inside its quotes.</summary>
    private EntityTagHeaderValue GzipETag { get; } = WithSuffix(etag, "-gzip");

    /// <summary>The body and ETag to send this request, with <c>Content-Encoding</c> and <c>Vary</c> set on the
    /// response. Each encoding has its own strong ETag (RFC 9110 §8.8.3: a strong validator differs whenever the bytes
    /// do), so a 304 for one is never taken for the other.</summary>
    public (byte[] Content, EntityTagHeaderValue ETag) For(HttpRequest request, HttpResponse response)
    {
        if (Identity.Length < MinimumBytes) return (Identity, ETag);
        response.Headers.Append(HeaderNames.Vary, HeaderNames.AcceptEncoding);
        if (!AcceptEncoding.AllowsGzip(request.Headers.AcceptEncoding)) return (Identity, ETag);
        response.Headers.ContentEncoding = "gzip";
        return (Gzip(), GzipETag);
    }

    private byte[] Gzip()
    {
        // Two racing first requests may both compress; either result is the same bytes, so no lock.
        if (_gzip is { } done) return done;
        using var buffer = new MemoryStream(Identity.Length / 4);
        using (var gzip = new GZipStream(buffer, CompressionLevel.SmallestSize, leaveOpen: true)) gzip.Write(Identity);
        return _gzip = buffer.ToArray();
    }

    internal static EntityTagHeaderValue WithSuffix(EntityTagHeaderValue etag, string suffix)
    {
        var tag = etag.Tag.Value ?? "\"\"";
        return new EntityTagHeaderValue(tag.Insert(tag.Length - 1, suffix), etag.IsWeak);
    }
}
