using ErrorTrace.Core.Reports;

namespace ErrorTrace.Core.Tests.Golden;

/// <summary>
/// Compares a report's traceback with its expectation field by field and returns the first difference,
/// named by a path such as <c>traceback.chain[1].frames[2].code</c>, or null when they agree.
/// </summary>
public static class TracebackComparer
{
    public static GoldenDifference? Compare(ExpectedTraceback expected, TracebackInfo? actual, string path = "traceback")
    {
        ArgumentNullException.ThrowIfNull(expected);
        if (actual is null) return new(path, Describe(expected), "null (no traceback found)");

        return Field($"{path}.exception_type", expected.ExceptionType, actual.ExceptionType)
            ?? Field($"{path}.exception_message", expected.ExceptionMessage, actual.ExceptionMessage)
            ?? FrameComparer.Compare(expected.Frames, actual.Frames, $"{path}.frames")
            ?? CompareChain(expected.Chain, actual.Chain, $"{path}.chain")
            ?? CompareSubExceptions(expected.SubExceptions, actual.SubExceptions, $"{path}.sub_exceptions")
            ?? Field($"{path}.kind", expected.Kind, actual.Kind)
            ?? CompareCount(expected.Count, actual.Count, $"{path}.count")
            ?? CompareRanks(expected.Ranks, actual.Ranks, $"{path}.ranks");
    }

    internal static GoldenDifference? Field(string path, string expected, string? actual) =>
        string.Equals(expected, actual, StringComparison.Ordinal) ? null : new(path, GoldenText.Quote(expected), GoldenText.Quote(actual));

    private static GoldenDifference? CompareChain(IReadOnlyList<ExpectedChainLink> expected, IReadOnlyList<ChainLink> actual, string path)
    {
        for (var i = 0; i < Math.Min(expected.Count, actual.Count); i++)
        {
            var e = expected[i];
            var a = actual[i];
            var at = $"{path}[{i}]";
            var difference = Field($"{at}.exception_type", e.ExceptionType, a.ExceptionType)
                ?? Field($"{at}.exception_message", e.ExceptionMessage, a.ExceptionMessage)
                ?? FrameComparer.Compare(e.Frames, a.Frames, $"{at}.frames")
                ?? Field($"{at}.relation", e.Relation, a.Relation);
            if (difference is not null) return difference;
        }

        return expected.Count == actual.Count
            ? null
            : new($"{path}.length", Length(expected.Count, expected.Select(l => l.ExceptionType)), Length(actual.Count, actual.Select(l => l.ExceptionType)));
    }

    private static GoldenDifference? CompareSubExceptions(IReadOnlyList<ExpectedTraceback> expected, IReadOnlyList<TracebackInfo> actual, string path)
    {
        for (var i = 0; i < Math.Min(expected.Count, actual.Count); i++)
        {
            var difference = Compare(expected[i], actual[i], $"{path}[{i}]");
            if (difference is not null) return difference;
        }

        return expected.Count == actual.Count
            ? null
            : new($"{path}.length", Length(expected.Count, expected.Select(s => s.ExceptionType)), Length(actual.Count, actual.Select(s => s.ExceptionType)));
    }

    // Sub-exceptions carry no count; only the root's is compared.
    private static GoldenDifference? CompareCount(int? expected, int actual, string path) =>
        expected is null || expected == actual ? null : new(path, GoldenText.Of(expected), GoldenText.Of(actual));

    // Logs without rank prefixes say nothing about ranks, so the expectation leaves them out.
    private static GoldenDifference? CompareRanks(IReadOnlyList<int>? expected, IReadOnlyList<int> actual, string path) =>
        expected is null || expected.SequenceEqual(actual) ? null : new(path, GoldenText.Of(expected), GoldenText.Of(actual));

    private static string Length(int count, IEnumerable<string> types) => $"{count} ({string.Join(", ", types)})";

    private static string Describe(ExpectedTraceback expected) => $"{expected.ExceptionType}: {GoldenText.Quote(expected.ExceptionMessage)}";
}
