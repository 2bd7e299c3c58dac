using ErrorTrace.Core.Reports;

namespace ErrorTrace.Core.Tests.Golden;

/// <summary>Compares frame lists element by element, so a missing frame shows where the lists diverge.</summary>
public static class FrameComparer
{
    public static GoldenDifference? Compare(IReadOnlyList<ExpectedFrame> expected, IReadOnlyList<TracebackFrame> actual, string path)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);
        for (var i = 0; i < Math.Min(expected.Count, actual.Count); i++)
        {
            var e = expected[i];
            var a = actual[i];
            var at = $"{path}[{i}]";
            var difference = TracebackComparer.Field($"{at}.file", e.File, a.File)
                ?? (e.Line == a.Line ? null : new GoldenDifference($"{at}.line", GoldenText.Of(e.Line), GoldenText.Of(a.Line)))
                ?? TracebackComparer.Field($"{at}.function", e.Function, a.Function)
                ?? CompareCode(e.Code, a.Code, $"{at}.code");
            if (difference is not null) return difference;
        }

        return expected.Count == actual.Count
            ? null
            : new($"{path}.length", Length(expected.Count, expected.Select(f => f.Function)), Length(actual.Count, actual.Select(f => f.Function)));
    }

    private static GoldenDifference? CompareCode(string? expected, string? actual, string path) =>
        string.Equals(expected, actual, StringComparison.Ordinal) ? null : new(path, GoldenText.Quote(expected), GoldenText.Quote(actual));

    private static string Length(int count, IEnumerable<string> functions) =>
        $"{count} frames ({string.Join(", ", functions.TakeLast(6))}{(count > 6 ? ", …" : "")})";
}
