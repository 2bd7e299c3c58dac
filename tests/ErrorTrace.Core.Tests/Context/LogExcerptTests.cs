using System.Text;
using ErrorTrace.Core.Analysis;
using ErrorTrace.Core.Context;
using ErrorTrace.Core.Tests.Engine;

namespace ErrorTrace.Core.Tests.Context;

public sealed class LogExcerptTests
{
    private static byte[] NumberedLog(int lines, Func<int, string>? text = null)
    {
        var log = new StringBuilder();
        for (var i = 1; i <= lines; i++) log.Append(text?.Invoke(i) ?? $"line {i} {new string('x', i % 97)}").Append('\n');
        return Encoding.UTF8.GetBytes(log.ToString());
    }

    private static LineIndex IndexOf(byte[] log, int chunk)
    {
        var analyzer = new LogAnalyzer();
        for (var i = 0; i < log.Length; i += chunk) analyzer.Append(log.AsSpan(i, Math.Min(chunk, log.Length - i)));
        return analyzer.LineIndex;
    }

    [Theory]
    [InlineData(1, 3)]
    [InlineData(2, 2)]
    [InlineData(20_000, 20_010)]
    [InlineData(39_990, 40_000)]
    [InlineData(25_001, 25_500)]
    public void Any_range_reads_the_same_lines_with_and_without_checkpoints(int from, int to)
    {
        var log = NumberedLog(40_000);
        var index = IndexOf(log, 256 * 1024 + 7);
        Assert.True(index.Count > 1, "a 1.9 MB log has checkpoints");
        var expected = Enumerable.Range(from, to - from + 1).Select(i => $"line {i} {new string('x', i % 97)}").ToArray();
        Assert.Equal(expected, LogExcerpt.Read(new MemoryStream(log), index, from, to).Select(l => l.Text).ToArray());
        Assert.Equal(expected, LogExcerpt.Read(new MemoryStream(log), null, from, to).Select(l => l.Text).ToArray());
        Assert.Equal(Enumerable.Range(from, to - from + 1).Select(i => (long)i), LogExcerpt.Read(new MemoryStream(log), index, from, to).Select(l => l.Line));
    }

    [Fact]
    public void Checkpoints_stay_bounded_and_the_spacing_doubles()
    {
        var index = new LineIndex();
        for (long i = 1; i <= 10_000; i++) index.Observe(i * LineIndex.InitialSpacingBytes, i * 1000);
        Assert.True(index.Count <= LineIndex.MaxCheckpoints + 1);
        var checkpoint = index.Before(5_000_001);
        Assert.True(checkpoint.NewlinesBefore < 5_000_000 && checkpoint.NewlinesBefore >= 5_000_000 - 8000);
    }

    [Fact]
    public void Envelopes_progress_frames_and_prefixes_are_taken_off_and_the_rank_kept()
    {
        var log = "2025-12-10T03:58:22.123456789Z stderr F [rank3]: \u001b[31mloss=nan\u001b[0m\n" +
                  "[rank1]: 10%|#         | 1/10 [00:01<00:09]\r[rank1]: 20%|##        | 2/10 [00:02<00:08]\r\n" +
                  "worker-7: [rank2]: hello\n" +
                  "no newline at the end";
        var lines = LogExcerpt.Read(new MemoryStream(Encoding.UTF8.GetBytes(log)), null, 1, 10);
        Assert.Equal(["loss=nan", "20%|##        | 2/10 [00:02<00:08]", "hello", "no newline at the end"], lines.Select(l => l.Text));
        Assert.Equal([3, 1, 2, (int?)null], lines.Select(l => l.Rank));
        Assert.Equal("worker-7", lines[2].Host);
        Assert.Equal(["hello"], LogExcerpt.Read(new MemoryStream(Encoding.UTF8.GetBytes(log)), null, 1, 10, rank: 2).Select(l => l.Text));
    }

    [Fact]
    public void A_huge_line_is_cut_and_ranges_past_the_end_return_what_exists()
    {
        var log = Encoding.UTF8.GetBytes("short\n" + new string('y', 100_000) + "\nlast\n");
        var lines = LogExcerpt.Read(new MemoryStream(log), null, 2, 50);
        Assert.Equal(2, lines.Count);
        Assert.True(lines[0].Cut);
        Assert.Equal(LogExcerpt.MaxLineChars, lines[0].Text.Length);
        Assert.Equal("last", lines[1].Text);
        Assert.Empty(LogExcerpt.Read(new MemoryStream(log), null, 10, 5));
    }

    [Fact]
    public void A_death_glued_to_a_progress_bar_keeps_its_own_words_and_says_how_far_the_bar_got()
    {
        var bar = "  6%|██████" + new string(' ', 100) + "| 3787/62565 [04:47<1:14:19, 13.18it/s]";
        var report = Analyze.Text($"[2025-12-10 03:58:22] [__main__] [INFO] [SFT] step 1\n{bar}Killed\n");
        var root = Assert.IsType<ErrorTrace.Core.Reports.TracebackInfo>(report.Traceback);
        Assert.Equal("Killed", root.ExceptionMessage);
        Assert.Equal("3787/62565 (6%), 04:47 elapsed", root.Progress);
        Assert.DoesNotContain(report.Errors, e => e.Message.Contains("██", StringComparison.Ordinal));
    }
}
