using ErrorTrace.Core.Grouping;

namespace ErrorTrace.Core.Tests.Engine;

/// <summary>A warning line printed again byte for byte is counted from <see cref="RepeatedWarnings"/> without being
/// parsed again; the report must be exactly what parsing it every time gave.</summary>
public sealed class RepeatedWarningTests
{
    private const string Warning = "/usr/lib/python3/dist-packages/torch/utils/checkpoint.py:61: UserWarning: None of the inputs have requires_grad=True. Gradients will be None";
    private const string Source = "  warnings.warn(";

    [Fact]
    public void Repeats_on_several_ranks_are_one_group_with_every_count_rank_and_the_last_timestamp()
    {
        var lines = new List<string>();
        for (var step = 0; step < 4; step++)
        {
            foreach (var rank in new[] { 0, 1, 3 })
            {
                lines.Add($"[rank{rank}]: [2025-12-10 03:58:{10 + step:00}] [__main__] [INFO] [Train] step {step}");
                lines.Add($"[rank{rank}]: {Warning}");
                lines.Add($"[rank{rank}]: {Source}");
            }
        }

        var report = Analyze.Text(string.Join('\n', lines) + "\n");
        var group = Assert.Single(report.Errors, e => e.Level == "warning");
        Assert.Equal(12, group.Count);
        Assert.Equal([0, 1, 3], group.Ranks);
        Assert.Equal(Warning, group.Message);
        Assert.Equal(2, group.FirstLine);
        Assert.Equal(new DateTime(2025, 12, 10, 3, 58, 13, DateTimeKind.Utc), group.LastTimestamp);
    }

    [Fact]
    public void A_repeat_that_continues_an_error_record_is_still_read_as_its_continuation()
    {
        // The memo only answers for lines read outside any block or multi-line record: here the second copy is the
        // error record's next message line, as it was before the memo.
        var log = $"{Warning}\n[2025-12-10 03:58:10] [__main__] [ERROR] [Train] Bad batch\n{Warning}\n";
        var report = Analyze.Text(log);
        Assert.Equal(1, Assert.Single(report.Errors, e => e.Level == "warning").Count);
        var error = Assert.Single(report.Errors, e => e.Level == "error");
        Assert.Contains("UserWarning: None of the inputs", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_chunking_gives_the_same_report()
    {
        var lines = Enumerable.Range(0, 50).SelectMany(i => new[] { $"[rank{i % 4}]: {Warning}", $"[rank{i % 4}]: {Source}", $"step {i}" });
        var bytes = System.Text.Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n");
        var whole = Analyze.Comparable(Analyze.Bytes(bytes));
        foreach (var chunk in new[] { 1, 7, 64, 4096 }) Assert.Equal(whole, Analyze.Comparable(Analyze.Chunked(bytes, chunk)));
        Assert.Contains("\"count\":50", whole, StringComparison.Ordinal);
    }
}
