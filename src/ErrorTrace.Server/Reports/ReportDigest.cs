using ErrorTrace.Core.Reports;

namespace ErrorTrace.Server.Reports;

/// <summary>What the job list shows of a report, taken from the redacted report once when it is rendered (so a list
/// row costs nothing more than the cached report): separate error and warning counts, as the job page counts them, and
/// the root cause's one-line description.</summary>
internal sealed record ReportDigest(int ErrorCount, int WarningCount, JobRootCause? RootCause)
{
    /// <summary>A list row's title is one line; the page has the rest.</summary>
    private const int MaxTitleChars = 200;

    public static ReportDigest Of(ErrorReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var errors = report.Errors.Count(e => e.Level == "error");
        var warnings = report.Errors.Count - errors;
        JobRootCause? root = null;
        if (report.Traceback is { } tb)
        {
            root = new JobRootCause
            {
                Category = report.Analysis?.ErrorType,
                ExceptionType = tb.ExceptionType.Length == 0 ? null : tb.ExceptionType,
                Title = Cut(FirstLine(tb.ExceptionMessage)),
                Rank = tb.Rank ?? report.Analysis?.RootRank,
                Host = tb.Host,
            };
        }
        else if (report.Analysis is { } analysis)
        {
            root = new JobRootCause
            {
                Category = analysis.ErrorType,
                Title = Cut(FirstLine(analysis.Evidence.Count > 0 ? analysis.Evidence[0].Text.Trim() : analysis.Description)),
                Rank = analysis.RootRank,
            };
        }

        return new ReportDigest(errors, warnings, root);
    }

    private static string FirstLine(string text)
    {
        var span = text.AsSpan().TrimStart('\n');
        var newline = span.IndexOf('\n');
        return (newline < 0 ? span : span[..newline]).Trim().ToString();
    }

    private static string Cut(string text) => text.Length <= MaxTitleChars ? text : string.Concat(text.AsSpan(0, MaxTitleChars - 1), "…");
}
