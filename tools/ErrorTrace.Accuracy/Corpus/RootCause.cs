using ErrorTrace.Core.Reports;

namespace ErrorTrace.Accuracy.Corpus;

/// <summary>
/// The original exception of a report's root traceback. A chain ("During handling…", "The above exception was the
/// direct cause…") is printed oldest first, and the later links are cascades or wrappers (a NameError in a
/// finally block, DatasetGenerationError around ArrowInvalid), so the labels name the first link.
/// </summary>
public static class RootCause
{
    public static (string? Type, TracebackFrame? Innermost) Of(TracebackInfo? traceback)
    {
        if (traceback is null) return (null, null);
        if (traceback.Chain.Count > 0)
        {
            var first = traceback.Chain[0];
            return (first.ExceptionType, first.Frames.Count > 0 ? first.Frames[^1] : null);
        }

        // A C++ stack whose type line the log lost has an empty type: no type printed, as the labels' null says.
        return (traceback.ExceptionType.Length > 0 ? traceback.ExceptionType : null, traceback.Frames.Count > 0 ? traceback.Frames[^1] : null);
    }

    /// <summary>Suffix match on '/'-normalised paths: Windows logs print backslashes.</summary>
    public static bool Matches(ExpectedFrame expected, TracebackFrame actual) =>
        actual.File.Replace('\\', '/').EndsWith(expected.FileEndsWith, StringComparison.Ordinal)
        && actual.Function == expected.Function;

    public static string Describe(TracebackFrame? frame) => frame is null ? "(none)" : $"{frame.File} in {frame.Function}";

    public static string Describe(ExpectedFrame? frame) => frame is null ? "(none)" : $"…{frame.FileEndsWith} in {frame.Function}";
}
