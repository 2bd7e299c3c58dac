using System.Text;
using ErrorTrace.Core.Rendering;
using ErrorTrace.Core.Reports;
using ErrorTrace.Server.Compression;
using Microsoft.Net.Http.Headers;

namespace ErrorTrace.Server.Reports;

/// <summary>A report ready to send: redacted UTF-8 JSON and its strong ETag (parsed once, not per request). <see cref="Key"/> says what it was made
/// from (job row fields and how much of the log), so an unchanged job reuses it byte for byte. <see cref="Digest"/> is
/// the job list's view of it, null when the log was not read.</summary>
internal sealed record RenderedReport(string Key, byte[] Json, EntityTagHeaderValue ETag, ReportDigest? Digest)
{
    private PrecompressedBody? _markdown;

    /// <summary>What is sent: <see cref="Json"/> as is, or gzip-compressed once for clients that accept it.</summary>
    public PrecompressedBody Body { get; } = new(Json, ETag);

    /// <summary>The same report as Markdown (<see cref="MarkdownReport"/>, what the CLI's <c>--format markdown</c> prints),
    /// made from the JSON on the first request that asks for it: few clients do (the panel's "Copy report"), so the
    /// report is not kept twice. Its ETag is the JSON's with <c>-md</c> inside the quotes: other bytes, another
    /// validator. Two racing first requests render the same bytes, so no lock.</summary>
    public PrecompressedBody MarkdownBody => _markdown ??= new(
        Encoding.UTF8.GetBytes(MarkdownReport.Render(ReportJson.Deserialize(Encoding.UTF8.GetString(Json))
            ?? throw new InvalidOperationException("A rendered report's JSON is a report."))),
        PrecompressedBody.WithSuffix(ETag, "-md"));
}
