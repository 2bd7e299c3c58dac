using System.Buffers.Binary;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using ErrorTrace.Core.Input;
using ErrorTrace.Core.Records;
using ErrorTrace.Core.Text;

namespace ErrorTrace.Core.Analysis;

/// <summary>
/// Interest-first reading of quiet records. Most lines of a training log are its own INFO records
/// (<c>[2025-12-10 03:58:22] [__main__] [INFO] [SFT] step 1 loss=…</c>): in a stream with nothing open, such a record
/// only moves context forward (the stream's clock and phase, the year) and ends whatever lookback the stream had, so a
/// run of them has the effect of its last record alone (and of the last one in it that named a phase or a clock). The
/// splitter hands over each run at once: every line's shape is checked with a vector compare and a few byte compares,
/// and only the records whose header matters are parsed, looking back from the run's end. Everything else (a warning,
/// an error, a line with a prefix, an ESC or a <c>\r</c>, another format) ends the run and is read line by line as usual.
/// <para>The run's records are exactly those <see cref="RecordHeaderParser"/> reads as seed records of level INFO or
/// DEBUG in the default stream, with the year of the last timestamp read; <see cref="OnRecord"/> must keep the effect
/// of such a record limited to the context above (the property tests compare every report with this path off).</para>
/// </summary>
public sealed partial class LogAnalyzer
{
    /// <summary>A seed record up to its logger's bracket, without a fraction of a second (those are DeepSpeed's).</summary>
    private static readonly ByteShape s_seedRecordStart = new("[####-##-## ##:##:##] [");

    /// <summary>The shortest quiet record: <c>[2025-12-10 03:58:22] [] [INFO]</c>.</summary>
    private const int MinQuietRecordBytes = 31;

    /// <summary><see cref="YearDigits"/> of <see cref="_yearDigitsOf"/>.</summary>
    private uint _yearDigits;

    private int _yearDigitsOf;

    /// <summary>After this many asks in a row that took no line, the next ones are spaced out up to this many records
    /// apart. In a log that prints a progress bar after every record (the mixed benchmark log) nearly every ask takes
    /// nothing and cost a call and ~110 instructions (5 % of that log's instructions); in the seed's own format asks
    /// seldom fail, so a run is at most a few records late to start after a miss.</summary>
    private const int MaxQuietAskSpacing = 16;

    /// <summary>Records below WARNING still to read line by line before asking again, and the current spacing.</summary>
    private int _quietAsksSkipped;

    private int _quietAskSpacing;

    /// <summary>Tests turn the shortcut off to hold it to the line-by-line path.</summary>
    internal bool TakesQuietLines { get; init; } = true;

    /// <summary>Lines taken in runs so far (tests check the shortcut is really taken).</summary>
    internal long QuietLinesTaken { get; private set; }

    /// <summary>Times a run was asked for (tests check asks that keep failing are spaced out).</summary>
    internal long QuietAsks { get; private set; }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    int ILineSink.TakeQuietLines(ReadOnlySpan<byte> chunk, int start, ref StopByteScanner stops, long lineNumber, out int lines)
    {
        lines = 0;
        QuietAsks++;
        // A run may only repeat the year already read: a record's year then changes nothing but the month.
        if (!TakesQuietLines || _lastYear is < 1 or > 9999) return start;
        // Asked after almost every line: the digits are worked out again only when the year changed.
        if (_yearDigitsOf != _lastYear) (_yearDigits, _yearDigitsOf) = (YearDigits(_lastYear), _lastYear);
        var year = _yearDigits;
        int at = start, last = -1, lastEnd = -1;
        while (true)
        {
            var end = stops.Next(at);
            if (end < 0 || chunk[end] != (byte)'\n') break;
            if (!IsQuietRecord(chunk[at..], end - at, year)) break;
            (last, lastEnd) = (at, end);
            lines++;
            at = end + 1;
        }

        if (lines > 0)
        {
            var stream = _streams.Get(default, -1);
            if (stream.IsIdle)
            {
                _quietAskSpacing = 0;
                TakeRun(stream, chunk, start, last, lastEnd, lineNumber + lines - 1);
                QuietLinesTaken += lines;
                _lineIsCri = false;
                return at;
            }

            lines = 0;
        }

        // Doubling: a log that never has runs is asked about once per MaxQuietAskSpacing records.
        _quietAskSpacing = Math.Min(MaxQuietAskSpacing, Math.Max(1, _quietAskSpacing * 2));
        _quietAsksSkipped = _quietAskSpacing;
        return start;
    }

    /// <summary>After a record below WARNING: whether to ask for a run now (see <see cref="MaxQuietAskSpacing"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool WorthAskingForQuietLines()
    {
        if (_quietAsksSkipped == 0) return true;
        _quietAsksSkipped--;
        return false;
    }

    /// <summary>A seed record of level INFO or DEBUG, with the year <paramref name="year"/>, that no envelope reader
    /// would touch; <paramref name="rest"/> starts with the line, <paramref name="length"/> long.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsQuietRecord(ReadOnlySpan<byte> rest, int length, uint year)
    {
        if (length is < MinQuietRecordBytes or > EngineLimits.MaxLineBytes || !s_seedRecordStart.IsStartOf(rest)) return false;
        var line = rest[..length];
        if (BinaryPrimitives.ReadUInt32LittleEndian(line[1..]) != year) return false;
        // Ray's repeat suffix would be cut off the line first: such a line goes the usual way.
        if (line[^1] == (byte)']' && line[^2] == (byte)'r') return false;
        var loggerStart = s_seedRecordStart.Length;
        var close = AsciiScanner.IndexOfWithin(line, loggerStart, CloseBrackets.MaxBracket, (byte)']');
        // A logger named like a level would make the header DeepSpeed's.
        if (close < 0 || AsciiScanner.Level(line[loggerStart..close]) != LogLevel.None) return false;
        var level = line[(close + 1)..];
        int levelEnd;
        if (level.StartsWith(" [INFO]"u8)) levelEnd = close + 1 + " [INFO]".Length;
        else if (level.StartsWith(" [DEBUG]"u8)) levelEnd = close + 1 + " [DEBUG]".Length;
        else return false;
        return !MayStartWithT(line, levelEnd);
    }

    /// <summary>
    /// A record whose message may be the relayed-traceback header (<see cref="MayRelayTraceback"/> reads its first
    /// byte) is no quiet line. The parser starts the message after the spaces that follow the level, or, when a
    /// bracket follows the level (one space allowed), after the spaces that follow that bracket's first <c>]</c>: a
    /// <c>T</c> in either place ends the run, whatever the bracket turns out to be. Most messages start with neither.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool MayStartWithT(ReadOnlySpan<byte> line, int levelEnd)
    {
        var message = SkipSpaces(line, levelEnd);
        if (message < line.Length && line[message] == RelayedHeader[0]) return true;
        var open = levelEnd < line.Length && line[levelEnd] == (byte)' ' ? levelEnd + 1 : levelEnd;
        if (open >= line.Length || line[open] != (byte)'[') return false;
        var close = AsciiScanner.IndexOfWithin(line, open + 1, CloseBrackets.MaxBracket, (byte)']');
        if (close < 0) return false;
        message = SkipSpaces(line, close + 1);
        return message < line.Length && line[message] == RelayedHeader[0];
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int SkipSpaces(ReadOnlySpan<byte> line, int i)
    {
        while (i < line.Length && line[i] == (byte)' ') i++;
        return i;
    }

    /// <summary>Applies a run of quiet records (the last from <paramref name="last"/> to <paramref name="lastEnd"/>, line
    /// <paramref name="lastNumber"/>): the last one, and before it the last that named a phase and the last with a clock
    /// if the last one did not. Read in order, these leave the stream as reading every record would.</summary>
    private void TakeRun(StreamState stream, ReadOnlySpan<byte> chunk, int start, int last, int lastEnd, long lastNumber)
    {
        var final = chunk[last..lastEnd];
        ParseQuiet(final, out var header);
        int phaseAt = -1, phaseEnd = 0, clockAt = -1, clockEnd = 0;
        long phaseNumber = 0, clockNumber = 0;
        var needPhase = header.Phase.End.Value == header.Phase.Start.Value;
        var needClock = !header.Timestamp.HasValue;
        var end = last - 1;
        var number = lastNumber;
        while ((needPhase || needClock) && end > start)
        {
            var lineStart = start + chunk[start..end].LastIndexOf((byte)'\n') + 1;
            number--;
            var line = chunk[lineStart..end];
            ParseQuiet(line, out var earlier);
            if (needPhase && earlier.Phase.End.Value != earlier.Phase.Start.Value)
            {
                (phaseAt, phaseEnd, phaseNumber, needPhase) = (lineStart, end, number, false);
            }

            if (needClock && earlier.Timestamp.HasValue)
            {
                (clockAt, clockEnd, clockNumber, needClock) = (lineStart, end, number, false);
            }

            end = lineStart - 1;
        }

        // Oldest first, each once.
        if (phaseAt >= 0 && clockAt >= 0 && clockAt < phaseAt)
        {
            TakeRecord(stream, chunk[clockAt..clockEnd], clockNumber);
            clockAt = -1;
        }

        if (phaseAt >= 0) TakeRecord(stream, chunk[phaseAt..phaseEnd], phaseNumber);
        if (clockAt >= 0 && clockAt != phaseAt) TakeRecord(stream, chunk[clockAt..clockEnd], clockNumber);
        // Parsing depends on the line alone, so the header read above is the one to apply (most runs are one line long
        // in a log that interleaves records with progress bars: a second parse was a third of their cost).
        OnRecord(stream, final, ref header, lastNumber);
    }

    private void TakeRecord(StreamState stream, ReadOnlySpan<byte> line, long lineNumber)
    {
        ParseQuiet(line, out var header);
        OnRecord(stream, line, ref header, lineNumber);
    }

    private static void ParseQuiet(ReadOnlySpan<byte> line, out RecordHeader header)
    {
        var parsed = RecordHeaderParser.TryParse(line, out header);
        Debug.Assert(parsed && header.Level < LogLevel.Warning, "A quiet line is a record below WARNING.");
    }

    /// <summary>The year as the four ASCII digits a timestamp prints, read as a little-endian integer.</summary>
    private static uint YearDigits(int year) =>
        (uint)('0' + (year / 1000)) | ((uint)('0' + (year / 100 % 10)) << 8) | ((uint)('0' + (year / 10 % 10)) << 16) | ((uint)('0' + (year % 10)) << 24);
}
