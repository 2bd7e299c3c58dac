using ErrorTrace.Core.Envelopes;
using ErrorTrace.Core.Reports;

namespace ErrorTrace.Core.Tests.Engine;

/// <summary>A collector's bare RFC 3339 timestamp before every line (docker / kubectl <c>logs --timestamps</c>, GitHub
/// Actions' raw logs): the program's lines after it read as they would without it, and a logger's own record that
/// starts with the same shape stays a record.</summary>
public class CollectorTimestampTests
{
    [Fact]
    public void A_traceback_in_a_GitHub_Actions_log_keeps_its_exception_and_frames()
    {
        var report = Analyze.Text(
            "2025-03-01T10:00:00.1234567Z Traceback (most recent call last):\n"
            + "2025-03-01T10:00:00.1234567Z   File \"/app/train.py\", line 10, in <module>\n"
            + "2025-03-01T10:00:00.1234567Z     main()\n"
            + "2025-03-01T10:00:00.1234567Z   File \"/app/train.py\", line 5, in main\n"
            + "2025-03-01T10:00:00.1234567Z     x = y\n"
            + "2025-03-01T10:00:00.1234567Z NameError: name 'y' is not defined\n"
            + "2025-03-01T10:00:00.2234567Z ##[error]Process completed with exit code 1.\n");

        var root = Assert.IsType<TracebackInfo>(report.Traceback);
        Assert.Equal("NameError", root.ExceptionType);
        Assert.Equal(("/app/train.py", "main", 5), (root.Frames[^1].File, root.Frames[^1].Function, root.Frames[^1].Line ?? 0));
    }

    [Fact]
    public void Kubectl_timestamps_before_rank_prefixes_and_seed_records_are_peeled_first()
    {
        var report = Analyze.Text(
            "2025-12-10T03:58:22.123456789Z [2025-12-10 03:58:22] [__main__] [ERROR] [Main] Training failed with error: CUDA out of memory.\n"
            + "2025-12-10T03:58:22.223456789Z [rank1]: Traceback (most recent call last):\n"
            + "2025-12-10T03:58:22.223456789Z [rank1]:   File \"/app/train.py\", line 10, in <module>\n"
            + "2025-12-10T03:58:22.223456789Z [rank1]:     loss.backward()\n"
            + "2025-12-10T03:58:22.323456789+00:00 [rank1]: torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 2.00 GiB\n");

        var root = Assert.IsType<TracebackInfo>(report.Traceback);
        Assert.Equal(("torch.OutOfMemoryError", "loss.backward()"), (root.ExceptionType, root.Frames[^1].Code));
        var record = Assert.Single(report.Errors, e => e.Logger == "__main__");
        Assert.Equal(("error", "Training failed with error: CUDA out of memory."), (record.Level, record.Message));
    }

    [Fact]
    public void A_loggers_own_iso_record_keeps_its_timestamp_and_level()
    {
        var report = Analyze.Text("2025-03-01T10:00:00.123Z ERROR train: loader crashed on shard 7\n");

        var entry = Assert.Single(report.Errors);
        Assert.Equal("error", entry.Level);
        Assert.Equal(new DateTime(2025, 3, 1, 10, 0, 0, DateTimeKind.Utc), entry.Timestamp?.AddTicks(-(entry.Timestamp.Value.Ticks % TimeSpan.TicksPerSecond)));
    }

    [Theory]
    [InlineData("2025-03-01T10:00:00Z x", 21)]
    [InlineData("2025-03-01T10:00:00.123456789Z x", 31)]
    [InlineData("2025-03-01T10:00:00.5-07:00 x", 28)]
    public void Stripped_forms(string line, int contentStart)
    {
        Assert.True(TimestampPrefix.TryStrip(System.Text.Encoding.ASCII.GetBytes(line), out var start));
        Assert.Equal(contentStart, start);
    }

    [Theory]
    [InlineData("2025-03-01T10:00:00 Traceback (most recent call last):")] // no zone: the program's own date
    [InlineData("2025-03-01 10:00:00Z Traceback (most recent call last):")] // a space, not T
    [InlineData("2025-03-01T10:00:00.1234567890Z x")] // ten fraction digits
    [InlineData("2025-03-01T10:00:00.Z x")] // a point with no digits
    [InlineData("2025-03-01T10:00:00Zx")] // no space after the zone
    [InlineData("2025-03-01T10:0a:00Z x")] // not a time
    [InlineData("2025-03-01T10:00:00+0000 x")] // zone without its colon
    public void Near_misses_are_not_stripped(string line) =>
        Assert.False(TimestampPrefix.TryStrip(System.Text.Encoding.ASCII.GetBytes(line), out _));
}
