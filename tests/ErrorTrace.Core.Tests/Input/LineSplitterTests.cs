using CsCheck;
using ErrorTrace.Core.Input;

namespace ErrorTrace.Core.Tests.Input;

/// <summary>The splitter finds stop bytes 64 at a time in a bitmap and skips progress-bar frames through it; fed one byte
/// at a time it never has a block to map and cuts every frame one by one. What the engine reads (each line's last
/// segment, its flags and line number) must be the same either way, and the same as an obvious reference.</summary>
public class LineSplitterTests
{
    /// <summary>Bytes that stress the splitter: every stop byte, text, and runs long enough to fill blocks.</summary>
    private static readonly Gen<byte[]> s_bytes = Gen.OneOf(
            Gen.Const((byte)'\n'), Gen.Const((byte)'\r'), Gen.Const((byte)0x1B), Gen.Byte[(byte)'a', (byte)'z'], Gen.Byte[(byte)'a', (byte)'z'], Gen.Byte[(byte)'a', (byte)'z'],
            Gen.Byte[(byte)'a', (byte)'z'], Gen.Byte)
        .Array[0, 600];

    [Fact]
    public void Any_chunking_reads_the_same_lines() =>
        Gen.Select(s_bytes, Gen.Int[1, 200]).Sample((bytes, chunk) =>
        {
            Assert.Equal(Read(bytes, bytes.Length), Read(bytes, chunk));
            Assert.Equal(Read(bytes, bytes.Length), Read(bytes, 1));
        }, iter: 2000);

    [Fact]
    public void Lines_are_what_a_plain_scan_finds() =>
        s_bytes.Sample(bytes => Assert.Equal(Reference(bytes), Read(bytes, bytes.Length)), iter: 2000);

    [Fact]
    public void A_progress_bar_line_is_read_as_its_last_frame()
    {
        var log = "first\n  1%|  | 1/100\r  2%|  | 2/100\r\u001b[K  3%|  | 3/100\r\nnext\n"u8.ToArray();
        Assert.Equal(["1:first:StartsLine, EndsLine", "2:\u001b[K  3%|  | 3/100:EndsLine, HasEscape", "3:next:StartsLine, EndsLine"],
            Read(log, log.Length));
    }

    /// <summary>What the engine keeps: segments that end a line, and every segment of the first line (before any \n a
    /// lone \r may be the only line ending the file has).</summary>
    private static List<string> Read(byte[] bytes, int chunk)
    {
        var sink = new Sink();
        var splitter = new LineSplitter();
        for (var i = 0; i < bytes.Length; i += chunk) splitter.Append(bytes.AsSpan(i, Math.Min(chunk, bytes.Length - i)), sink);
        splitter.Complete(sink);
        return sink.Kept;
    }

    /// <summary>Segments ended by \n, \r\n or a lone \r (a lone \r at the very end ends the line); the frames before a
    /// line's last segment dropped after line 1, as the engine drops them.</summary>
    private static List<string> Reference(byte[] bytes)
    {
        var kept = new List<string>();
        long line = 1;
        var lineStart = true;
        var start = 0;
        void Cut(int end, bool endsLine)
        {
            var segment = bytes.AsSpan(start, end - start);
            if (endsLine || line == 1) kept.Add(Describe(line, segment, endsLine, lineStart, segment.IndexOf((byte)0x1B) >= 0));
            lineStart = endsLine;
            if (endsLine) line++;
        }

        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                Cut(i, endsLine: true);
                start = i + 1;
            }
            else if (bytes[i] == (byte)'\r')
            {
                var crlf = i + 1 < bytes.Length && bytes[i + 1] == (byte)'\n';
                Cut(i, endsLine: crlf || i + 1 == bytes.Length);
                if (crlf) i++;
                start = i + 1;
            }
        }

        if (start < bytes.Length) Cut(bytes.Length, endsLine: true);
        return kept;
    }

    private static string Describe(long line, ReadOnlySpan<byte> segment, bool endsLine, bool startsLine, bool hasEscape)
    {
        var flags = SegmentFlags.None;
        if (endsLine) flags |= SegmentFlags.EndsLine;
        if (startsLine) flags |= SegmentFlags.StartsLine;
        if (hasEscape) flags |= SegmentFlags.HasEscape;
        return $"{line}:{System.Text.Encoding.Latin1.GetString(segment)}:{flags}";
    }

    private sealed class Sink : ILineSink
    {
        public List<string> Kept { get; } = [];

        public bool OnSegment(ReadOnlySpan<byte> segment, long lineNumber, SegmentFlags flags)
        {
            var endsLine = (flags & SegmentFlags.EndsLine) != 0;
            if (!endsLine && lineNumber > 1) return false;
            Kept.Add(Describe(lineNumber, segment, endsLine, (flags & SegmentFlags.StartsLine) != 0, (flags & SegmentFlags.HasEscape) != 0));
            return false;
        }

        public int TakeQuietLines(ReadOnlySpan<byte> chunk, int start, ref StopByteScanner stops, long lineNumber, out int lines)
        {
            lines = 0;
            return start;
        }
    }
}
