using System.IO.Compression;
using System.Text;
using ErrorTrace.Core.Input;

namespace ErrorTrace.Core.Tests.Input;

/// <summary>Gzip is recognised by its magic bytes (RFC 1952: 0x1F 0x8B), so content that only starts like gzip, or a
/// gzip file cut short by a crashing writer, must still give a report, never an InvalidDataException.</summary>
public sealed class GzipInputTests
{
    private const string Log = "[2025-12-10 03:58:22] [__main__] [ERROR] [Main] Training failed with error: boom\n" +
        "Traceback (most recent call last):\n  File \"train.py\", line 3, in <module>\nValueError: bad shape\n";

    [Fact]
    public void Bytes_that_only_start_with_the_magic_bytes_are_text()
    {
        var bytes = new byte[] { 0x1F, 0x8B }.Concat(Encoding.UTF8.GetBytes("\n" + Log)).ToArray();
        var report = LogFile.Analyze(new MemoryStream(bytes), cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal("ValueError", report.Traceback?.ExceptionType);
        Assert.Empty(report.Notes);
    }

    [Fact]
    public void A_gzip_header_with_nothing_readable_behind_it_is_unreadable_input()
    {
        // A valid header (deflate, no flags), then a deflate block of the reserved type 3: the CLI's exit code 4.
        byte[] bytes = [0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0xFF, 0xFF, 0xFF, 0xFF];
        Assert.Throws<InvalidDataException>(() => LogFile.Analyze(new MemoryStream(bytes), cancellationToken: TestContext.Current.CancellationToken));
    }

    [Fact]
    public void A_truncated_gzip_file_keeps_what_was_decompressed_and_says_so()
    {
        var lines = string.Concat(Enumerable.Range(0, 20_000).Select(i => $"[2025-12-10 03:58:22] [__main__] [INFO] [SFT] step {i} loss=0.5\n"));
        var whole = Gzip(Encoding.UTF8.GetBytes(Log + lines + Log));
        var broken = whole.ToArray();
        broken.AsSpan(broken.Length / 2, 64).Fill(0xFF);
        var report = LogFile.Analyze(new MemoryStream(broken), cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal("ValueError", report.Traceback?.ExceptionType);
        Assert.InRange(report.Log!.Lines, 5, 20_003);
        Assert.Contains(report.Notes, n => n.Contains("corrupt or truncated after", StringComparison.Ordinal));
    }

    [Fact]
    public void A_whole_gzip_file_has_no_note()
    {
        var report = LogFile.Analyze(new MemoryStream(Gzip(Encoding.UTF8.GetBytes(Log))), cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal("ValueError", report.Traceback?.ExceptionType);
        Assert.Empty(report.Notes);
    }

    private static byte[] Gzip(byte[] bytes)
    {
        var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true)) gzip.Write(bytes);
        return output.ToArray();
    }
}
