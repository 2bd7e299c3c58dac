using ErrorTrace.Accuracy.Scoring;

namespace ErrorTrace.Core.Tests.RealLogs;

/// <summary>
/// Logs exactly as users posted them in public issues (rank prefixes, interleaved ranks, launcher tables,
/// markdown damage). The labels are an expert's reading, never the engine's output: a failing row here is
/// an engine gap, not a label to relax.
/// </summary>
public class RealLogCorpusTests
{
    /// <summary>Issue 12's floor: a corpus five times the first round's 105 logs, at least 15 per category, so that a
    /// figure per category is not one log's luck. A deleted batch fails here, not silently in the accuracy.</summary>
    private const int MinimumCases = 400;
    private const int MinimumPerCategory = 15;

    public static TheoryData<string> Slugs() => RealLogCorpus.Slugs();

    [Theory]
    [MemberData(nameof(Slugs))]
    public void Report_matches_the_expert_label(string slug)
    {
        var c = RealLogCorpus.Get(slug);
        var score = Scorer.Score(c, cancellationToken: TestContext.Current.CancellationToken);
        var problems = string.Concat(score.Problems().Select(p => $"  {p}{Environment.NewLine}"));

        // Known limitations and pending cases are skipped while they fail, and fail once they pass, so that their
        // tables only ever shrink by fixes and never hide a case that has started to work.
        var waiver = RealLogKnownLimitations.Reason(slug) ?? RealLogPending.Reason(slug);
        if (waiver is not null)
        {
            Assert.False(score.AllRight, $"{slug} now matches its label: remove it from {(RealLogKnownLimitations.Reason(slug) is null ? nameof(RealLogPending) : nameof(RealLogKnownLimitations))}");
            Assert.Skip(waiver);
        }

        Assert.True(score.AllRight,
            $"{c.Slug} ({c.SourceUrl}) does not match its label:{Environment.NewLine}{problems}  why this label: {c.Notes}");
    }

    [Fact]
    public void Corpus_is_large_enough_and_covers_every_category()
    {
        var cases = RealLogCorpus.Cases;
        var thin = RealLogCorpus.Categories
            .Select(cat => (cat, n: cases.Count(c => c.Expected.Category == cat)))
            .Where(x => x.n < MinimumPerCategory)
            .Select(x => $"{x.cat} ({x.n})")
            .ToList();

        Assert.True(cases.Count >= MinimumCases, $"{cases.Count} real cases, want at least {MinimumCases}");
        Assert.True(thin.Count == 0, $"categories with fewer than {MinimumPerCategory} real cases: {string.Join(", ", thin)}");
    }

    [Fact]
    public void Every_case_has_a_log_a_known_category_and_a_public_source()
    {
        var bad = RealLogCorpus.Cases
            .Where(c => !File.Exists(c.LogPath)
                || !RealLogCorpus.Categories.Contains(c.Expected.Category)
                || !c.SourceUrl.StartsWith("https://", StringComparison.Ordinal))
            .Select(c => c.Slug)
            .ToList();

        Assert.True(bad.Count == 0, $"malformed real-log cases: {string.Join(", ", bad)}");
    }
}
