using ErrorTrace.Core.Context;
using ErrorTrace.Server.Logs;

namespace ErrorTrace.Server.Reports;

/// <summary>
/// A job's last report together with everything it was made from: the row's fields and what <c>fstat</c> said about the
/// opened log. Immutable and swapped whole, so a request can compare it with a fresh <c>statx</c> of the path (which
/// does not follow a final link) and answer without taking the job's gate: the same inputs give the same bytes (the
/// row's status also fixes whether the analyzer was completed). A path that now names another file, a link, or a
/// changed file goes the slow way, under the gate, through <see cref="LogOpener"/>. <see cref="LineIndex"/> is the
/// file's line checkpoints (the log endpoint's seek points), published with the file status they describe.
/// </summary>
internal sealed record PublishedReport(string Status, string? ErrorMessage, string? DisplayPath, FileStatus File, LineIndex? LineIndex, RenderedReport Report)
{
    public bool IsFor(string status, string? errorMessage, string? displayPath, FileStatus file) =>
        file.IsRegular && File.IsUnchangedFrom(file)
        && string.Equals(Status, status, StringComparison.Ordinal)
        && string.Equals(ErrorMessage, errorMessage, StringComparison.Ordinal)
        && string.Equals(DisplayPath, displayPath, StringComparison.Ordinal);
}
