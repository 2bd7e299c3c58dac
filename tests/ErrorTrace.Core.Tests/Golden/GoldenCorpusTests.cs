using ErrorTrace.Core.Input;

namespace ErrorTrace.Core.Tests.Golden;

/// <summary>
/// Every case of the CPython-generated corpus (Corpus/golden, made by scripts/golden/generate.py): the
/// engine's root-cause traceback must equal what CPython's TracebackException said, field by field.
/// </summary>
public class GoldenCorpusTests
{
    private const int MinimumCases = 300;

    // Case names, not loaded objects: strings serialize, so each case is its own test in discovery and reports.
    public static TheoryData<string> Cases => [.. GoldenCorpus.CaseNames()];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Engine_reports_the_traceback_CPython_printed(string caseName)
    {
        if (GoldenKnownLimitations.Reason(caseName) is { } reason) Assert.Skip(reason);
        var expected = GoldenCorpus.Load(caseName);
        var report = LogFile.Analyze(GoldenCorpus.LogPath(caseName), cancellationToken: TestContext.Current.CancellationToken);

        // torchelastic's ChildFailedError wraps a child's death: the engine reports the death in its table (exitcode -9)
        // as the root cause, and the wrapper CPython printed among the tracebacks, one more than the process printed.
        var actual = report.Traceback;
        var expectedCount = expected.TracebacksCount;
        if (expected.Traceback is { } wrapper && wrapper.ExceptionType.EndsWith("ChildFailedError", StringComparison.Ordinal)
            && report.Traceback is { Kind: "signal" })
        {
            actual = report.Tracebacks.FirstOrDefault(t => t.ExceptionType == wrapper.ExceptionType);
            expectedCount++;
        }

        var difference = expected.Traceback is null ? null : TracebackComparer.Compare(expected.Traceback, actual);
        if (difference is null && expectedCount != report.Tracebacks.Count)
        {
            difference = new GoldenDifference("tracebacks_count", GoldenText.Of(expectedCount),
                $"{report.Tracebacks.Count} ({string.Join(", ", report.Tracebacks.Select(t => t.ExceptionType))})");
        }

        if (difference is not null)
        {
            Assert.Fail($"golden case {caseName} [{expected.Shape}]: {difference}\n  case: {expected.Description}");
        }
    }

    [Fact]
    public void Corpus_is_large_and_covers_every_log_shape()
    {
        var names = GoldenCorpus.CaseNames();
        Assert.True(names.Count >= MinimumCases, $"the golden corpus has {names.Count} cases, fewer than {MinimumCases}: regenerate it with scripts/golden/generate.py");

        var expectations = names.Select(GoldenCorpus.Load).ToList();
        foreach (var (name, expectation) in names.Zip(expectations))
        {
            Assert.True(File.Exists(GoldenCorpus.LogPath(name)), $"{name}.expected.json has no {name}.log");
            Assert.Equal(GoldenCorpus.BaseName(name), expectation.Case);
            Assert.NotNull(expectation.Traceback);
        }

        var perShape = expectations.CountBy(e => e.Shape).ToDictionary();
        var missing = GoldenShapes.All.Where(s => perShape.GetValueOrDefault(s) < 10).ToList();
        Assert.True(missing.Count == 0, $"log shapes with fewer than 10 cases: {string.Join(", ", missing)}");
        var unknown = perShape.Keys.Except(GoldenShapes.All).ToList();
        Assert.True(unknown.Count == 0, $"cases with a shape GoldenShapes does not know: {string.Join(", ", unknown)}");
        Assert.Contains(names, n => n.StartsWith("ambiguous_blank_line_", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("python3.8", "a_raw,c_logger_exception")]
    [InlineData("python3.9", "a_raw,c_logger_exception")]
    [InlineData("python3.10", "a_raw,c_logger_exception")]
    [InlineData("python3.12", "a_raw,c_logger_exception")]
    [InlineData("python3.13", "a_raw,c_logger_exception")]
    [InlineData("python3.13-colors", "a_raw")]
    public void Other_CPython_versions_print_the_uncaught_and_logged_shapes(string version, string shapes)
    {
        // Training images still run 3.8-3.10 (whose printer names "__main__.Type", and up to 3.8 a nested class by its
        // short name), 3.12-3.13 draw carets differently, and 3.13 colours what it prints when asked (PYTHON_COLORS):
        // each version's own printout is a case set.
        var names = GoldenCorpus.CaseNames().Where(n => n.StartsWith(version + "/", StringComparison.Ordinal)).ToList();
        Assert.True(names.Count >= 50, $"{version}: {names.Count} cases; regenerate with GOLDEN_PYTHON (see Corpus/golden/README.md)");
        var found = names.Select(GoldenCorpus.Load).Select(e => e.Shape).Distinct().Order(StringComparer.Ordinal);
        Assert.Equal(shapes, string.Join(',', found));
    }
}
