namespace ErrorTrace.Server.Reports;

/// <summary>A report ready to send: redacted UTF-8 JSON and its strong ETag. <see cref="Key"/> says what it was made
/// from (job row fields and how much of the log), so an unchanged job reuses it byte for byte.</summary>
internal sealed record RenderedReport(string Key, byte[] Json, string ETag, int? ErrorCount);
