using System.Globalization;
using ErrorTrace.Core.Reports;

namespace ErrorTrace.Core.Rendering;

/// <summary>Small phrases every renderer needs, so the terminal, Markdown and web views word things the same way.</summary>
public static class ReportText
{
    /// <summary><c>ValueError: bad shape</c>: the type and the first line of the message.</summary>
    public static string ExceptionLine(string exceptionType, string exceptionMessage)
    {
        ArgumentNullException.ThrowIfNull(exceptionType);
        ArgumentNullException.ThrowIfNull(exceptionMessage);
        var first = FirstLine(exceptionMessage);
        return first.Length == 0 ? exceptionType : exceptionType + ": " + first;
    }

    public static string ExceptionLine(TracebackInfo traceback)
    {
        ArgumentNullException.ThrowIfNull(traceback);
        return ExceptionLine(traceback.ExceptionType, traceback.ExceptionMessage);
    }

    /// <summary><c>line 42, ranks 0-3, 4 times, phase SFT</c>.</summary>
    public static string Where(TracebackInfo traceback)
    {
        ArgumentNullException.ThrowIfNull(traceback);
        var parts = new List<string> { "line " + traceback.FirstLine.ToString(CultureInfo.InvariantCulture) };
        if (traceback.Ranks.Count > 0) parts.Add((traceback.Ranks.Count == 1 ? "rank " : "ranks ") + RankList.Format(traceback.Ranks));
        else if (traceback.Rank is { } rank) parts.Add("rank " + rank.ToString(CultureInfo.InvariantCulture));
        if (traceback.Count > 1) parts.Add(traceback.Count.ToString(CultureInfo.InvariantCulture) + " times");
        if (traceback.Phase is not null) parts.Add("phase " + traceback.Phase);
        return string.Join(", ", parts);
    }

    /// <summary>The tracebacks other than the root cause. Compared by position, not reference, so a report read
    /// back from JSON (where the root and its entry in the list are separate objects) works too.</summary>
    public static IReadOnlyList<TracebackInfo> OtherTracebacks(ErrorReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var root = report.Traceback;
        return report.Tracebacks
            .Where(t => root is null || t.FirstLine != root.FirstLine || t.ExceptionType != root.ExceptionType)
            .ToList();
    }

    public static string Timestamp(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>The first line that says something: torch's ChildFailedError, for one, starts its message with a
    /// newline and a rule of <c>=</c> signs. Falls back to the first non-blank line, then to <c>""</c>.</summary>
    public static string FirstLine(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string? firstNonBlank = null;
        foreach (var line in text.AsSpan().EnumerateLines())
        {
            if (line.IsWhiteSpace()) continue;
            firstNonBlank ??= line.Trim().ToString();
            foreach (var c in line)
            {
                if (char.IsLetterOrDigit(c)) return line.TrimEnd().ToString();
            }
        }

        return firstNonBlank ?? "";
    }

    /// <summary>Cuts to <paramref name="max"/> characters, the last one an ellipsis, so the reader sees it was cut.</summary>
    public static string Truncate(string text, int max)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length <= max || max < 1 ? text : text[..(max - 1)] + "…";
    }

    /// <summary>The runs a renderer lists when a log holds more than it can show: the last ones, because the root cause
    /// is in the last run that failed and the runs before it are history.</summary>
    public static IReadOnlyList<RunInfo> LastRuns(IReadOnlyList<RunInfo> runs, int max)
    {
        ArgumentNullException.ThrowIfNull(runs);
        return runs.Count <= max ? runs : runs.Skip(runs.Count - max).ToList();
    }

    /// <summary><c>5 runs in this log; the root cause is from run 4</c>. The report lists the runs that failed and the
    /// last one (RunSplit.Describe), so the last run's number is the count.</summary>
    public static string RunsHeadline(IReadOnlyList<RunInfo> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var total = runs.Count == 0 ? 0 : runs.Max(r => r.Run);
        var text = total.ToString(CultureInfo.InvariantCulture) + " runs in this log";
        var listed = runs.Count == total ? "" : " (listed: those that failed, and the last)";
        var root = runs.FirstOrDefault(r => r.IsRootRun);
        return (root is null ? text : text + "; the root cause is from run " + root.Run.ToString(CultureInfo.InvariantCulture)) + listed;
    }

    /// <summary><c>lines 451–900</c>.</summary>
    public static string RunLines(RunInfo run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return "lines " + run.FirstLine.ToString(CultureInfo.InvariantCulture) + "–" + run.LastLine.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary><c>SIGKILL: Killed (line 880)</c>, or <c>no failure</c>.</summary>
    public static string RunOutcome(RunInfo run)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (run.RootCause is null) return "no failure";
        return run.RootLine is { } line ? run.RootCause + " (line " + line.ToString(CultureInfo.InvariantCulture) + ")" : run.RootCause;
    }
}
