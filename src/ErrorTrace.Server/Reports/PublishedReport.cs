using ErrorTrace.Server.Logs;

namespace ErrorTrace.Server.Reports;

/// <summary>
/// A job's last report together with everything it was made from: the row's fields and the file identity and length
/// read. Immutable and swapped whole, so a request can compare it with a fresh <c>statx</c> and answer without
/// taking the job's gate: the same inputs give the same bytes (the row's status also fixes whether the analyzer was
/// completed). Anything different goes the slow way, under the gate.
/// </summary>
internal sealed record PublishedReport(
    string Status, string? ErrorMessage, string? DisplayPath, FileIdentity Identity, long Length, RenderedReport Report)
{
    public bool IsFor(string status, string? errorMessage, string? displayPath, FileIdentity identity, long length) =>
        Length == length && Identity == identity
        && string.Equals(Status, status, StringComparison.Ordinal)
        && string.Equals(ErrorMessage, errorMessage, StringComparison.Ordinal)
        && string.Equals(DisplayPath, displayPath, StringComparison.Ordinal);
}
