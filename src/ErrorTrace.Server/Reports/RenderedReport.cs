using ErrorTrace.Server.Compression;
using Microsoft.Net.Http.Headers;

namespace ErrorTrace.Server.Reports;

/// <summary>A report ready to send: redacted UTF-8 JSON and its strong ETag (parsed once, not per request). <see cref="Key"/> says what it was made
/// from (job row fields and how much of the log), so an unchanged job reuses it byte for byte. <see cref="Digest"/> is
/// the job list's view of it, null when the log was not read.</summary>
internal sealed record RenderedReport(string Key, byte[] Json, EntityTagHeaderValue ETag, ReportDigest? Digest)
{
    /// <summary>What is sent: <see cref="Json"/> as is, or gzip-compressed once for clients that accept it.</summary>
    public PrecompressedBody Body { get; } = new(Json, ETag);
}
