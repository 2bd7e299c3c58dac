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
    public void Bytes_that_only_start_like_gzip_are_read_as_text_from_their_start()
    {
        var bytes = new byte[] { 0x1F, 0x8B }.Concat(Encoding.UTF8.GetBytes("\n" + Log)).ToArray();
        var report = LogFile.Analyze(new MemoryStream(bytes), cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal("ValueError", report.Traceback?.ExceptionType);
        Assert.Contains(report.Notes, n => n.Contains("not gzip; it was read as text", StringComparison.Ordinal));
    }

    [Fact]
    public void A_stream_that_cannot_seek_keeps_what_was_peeked()
    {
        var bytes = new byte[] { 0x1F, 0x8B }.Concat(Encoding.UTF8.GetBytes("\n" + Log)).ToArray();
        var report = LogFile.Analyze(new ForwardOnlyStream(bytes), cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal("ValueError", report.Traceback?.ExceptionType);
        Assert.Contains(report.Notes, n => n.Contains("only its first", StringComparison.Ordinal));
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

    /// <summary>Stdin or a network body: no Position, no Seek.</summary>
    private sealed class ForwardOnlyStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    }
}
