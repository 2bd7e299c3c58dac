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

    /// <summary>The lanes of a seed record's clock after its year (month, day, hour, minute, second: bytes 6-7, 9-10,
    /// 12-13, 15-16, 18-19 of <c>[2025-12-10 03:58:22]</c>), where consecutive records of one logger and level differ.</summary>
    private const ulong ClockDigitLanes = (3UL << 6) | (3UL << 9) | (3UL << 12) | (3UL << 15) | (3UL << 18);

    /// <summary>The header (up to the level's <c>]</c>) of the last quiet record checked field by field: a record that
    /// starts the same way but for its clock has the same logger and level, so only its message's start is left to check.
    /// Forgotten when the year changes (its year lanes must match exactly).</summary>
    private readonly LineHead _quietHead = new();

    /// <summary><see cref="YearDigits"/> of <see cref="_yearDigitsOf"/>.</summary>
    private uint _yearDigits;

    private int _yearDigitsOf;

    /// <summary>After <see cref="QuietMissesBeforeSpacing"/> asks in a row that took no line, the next ones are spaced out,
    /// doubling up to this many lines apart. A failed ask costs a call and ~100 instructions, a record read line by line
    /// instead of in a run several hundred: asks are spaced out only where nearly all of them fail (rank-prefixed output,
    /// another format), not where a few lines in a row are no quiet records (a warning, then a progress bar, in the
    /// seed's format; a metrics dump and two ranks' lines in the mixed benchmark log).</summary>
    private const int MaxQuietAskSpacing = 16;

    /// <summary>Asks in a row that may take nothing before they are spaced out (see <see cref="MaxQuietAskSpacing"/>).</summary>
    private const int QuietMissesBeforeSpacing = 4;

    /// <summary>Asking after any line, not only after a quiet record, pays while the runs taken are at least this long. A
    /// warning, an error or a progress bar ends most runs of the seed's format (5.5 records on average): asking after
    /// it reads the next run's first record in the run too, instead of line by line with a second full header parse
    /// per run. Where runs are single records between progress bars (the mixed benchmark log), a one-line run costs
    /// about what reading the record line by line does, and the asks after the other lines (metrics dumps, rank
    /// prefixes) mostly fail: measured, asking after every line there cost 17 % more instructions.</summary>
    private const int MinQuietRunAfterAnyLine = 2;

    /// <summary>Lines taken by the last run.</summary>
    private int _lastQuietRun;

    /// <summary>Lines still to read line by line before asking again, the current spacing, and the asks in a row that
    /// took nothing.</summary>
    private int _quietAsksSkipped;

    private int _quietAskSpacing;

    private int _quietMisses;

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
        if (_yearDigitsOf != _lastYear)
        {
            (_yearDigits, _yearDigitsOf) = (YearDigits(_lastYear), _lastYear);
            _quietHead.Clear();
        }

        var year = _yearDigits;
        int at = start, last = -1, lastEnd = -1, lastLevelEnd = 0;
        while (true)
        {
            var end = stops.Next(at);
            if (end < 0 || chunk[end] != (byte)'\n') break;
            if (!IsQuietRecord(chunk[at..], end - at, year, out var levelEnd)) break;
            (last, lastEnd, lastLevelEnd) = (at, end, levelEnd);
            lines++;
            at = end + 1;
        }

        if (lines > 0)
        {
            // With no block open, a quiet record ends whatever message or lookback the stream had and moves its context
            // on, so the run's records add up to its last one whatever the line before them was (a warning whose message
            // a continuation line could extend, a record waiting for its message). An open block needs the first record
            // read the usual way: it closes the block.
            var stream = _streams.Get(default, -1);
            if (stream.Active is null)
            {
                (_quietAskSpacing, _quietMisses, _lastQuietRun) = (0, 0, lines);
                TakeRun(stream, chunk, start, last, lastEnd, lastLevelEnd, lineNumber + lines - 1);
                QuietLinesTaken += lines;
                _lineIsCri = false;
                return at;
            }

            lines = 0;
        }

        // Doubling: a log that never has runs is asked about once per MaxQuietAskSpacing lines.
        if (++_quietMisses < QuietMissesBeforeSpacing) return start;
        _quietAskSpacing = Math.Min(MaxQuietAskSpacing, Math.Max(1, _quietAskSpacing * 2));
        _quietAsksSkipped = _quietAskSpacing;
        return start;
    }

    /// <summary>After a line: whether to ask for a run now (see <see cref="MinQuietRunAfterAnyLine"/> and
    /// <see cref="MaxQuietAskSpacing"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool WorthAskingForQuietLines(bool afterQuietRecord)
    {
        // A run may only repeat the year already read (see TakeQuietLines): before one, or with the shortcut off, no ask.
        if (!TakesQuietLines || _lastYear is < 1 or > 9999) return false;
        if (!afterQuietRecord && _lastQuietRun < MinQuietRunAfterAnyLine) return false;
        if (_quietAsksSkipped == 0) return true;
        _quietAsksSkipped--;
        return false;
    }

    /// <summary>A seed record of level INFO or DEBUG, with the year <paramref name="year"/>, that no envelope reader
    /// would touch; <paramref name="rest"/> starts with the line, <paramref name="length"/> long. <paramref name="levelEnd"/>:
    /// where its level's bracket ends.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool IsQuietRecord(ReadOnlySpan<byte> rest, int length, uint year, out int levelEnd)
    {
        levelEnd = 0;
        if (length is < MinQuietRecordBytes or > EngineLimits.MaxLineBytes) return false;
        var line = rest[..length];
        // Most quiet records share the last one's header: one compare instead of reading logger and level again.
        if (length >= _quietHead.Length && _quietHead.IsStartOf(rest))
        {
            levelEnd = _quietHead.Length;
        }
        else
        {
            levelEnd = QuietHeaderEnd(rest, line, year);
            if (levelEnd < 0) return false;
            if (levelEnd <= LineHead.MaxLength) _quietHead.Remember(line, levelEnd, ClockDigitLanes);
        }

        // Ray's repeat suffix would be cut off the line first: such a line goes the usual way.
        if (line[^1] == (byte)']' && line[^2] == (byte)'r') return false;
        return !MayStartWithT(line, levelEnd);
    }

    /// <summary>Where the level's bracket of a quiet record's header ends (<c>[2025-12-10 03:58:22] [logger] [INFO]</c>,
    /// or DEBUG, with the year <paramref name="year"/>), or -1. <paramref name="rest"/> starts with
    /// <paramref name="line"/> and may go on past it.</summary>
    private static int QuietHeaderEnd(ReadOnlySpan<byte> rest, ReadOnlySpan<byte> line, uint year)
    {
        if (!s_seedRecordStart.IsStartOf(rest) || BinaryPrimitives.ReadUInt32LittleEndian(line[1..]) != year) return -1;
        var loggerStart = s_seedRecordStart.Length;
        var close = AsciiScanner.IndexOfWithin(line, loggerStart, CloseBrackets.MaxBracket, (byte)']');
        // A logger named like a level would make the header DeepSpeed's.
        if (close < 0 || AsciiScanner.Level(line[loggerStart..close]) != LogLevel.None) return -1;
        var level = line[(close + 1)..];
        if (level.StartsWith(" [INFO]"u8)) return close + 1 + " [INFO]".Length;
        if (level.StartsWith(" [DEBUG]"u8)) return close + 1 + " [DEBUG]".Length;
        return -1;
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
    /// <paramref name="lastNumber"/>, its level's bracket ending at <paramref name="lastLevelEnd"/>): the last one, and
    /// before it the last that named a phase and the last with a clock if the last one did not. Read in order, these
    /// leave the stream as reading every record would.</summary>
    private void TakeRun(StreamState stream, ReadOnlySpan<byte> chunk, int start, int last, int lastEnd, int lastLevelEnd, long lastNumber)
    {
        var final = chunk[last..lastEnd];
        ReadQuietHeader(final, lastLevelEnd, out var header);
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

    /// <summary>The header of a quiet record whose level's bracket ends at <paramref name="levelEnd"/>
    /// (<see cref="IsQuietRecord"/> checked it up to there): the parser's answer, reading only the clock and the phase.
    /// Every run's last record pays this, where a full parse cost about twice as much.</summary>
    private static void ReadQuietHeader(ReadOnlySpan<byte> line, int levelEnd, out RecordHeader header)
    {
        header = default;
        TimestampReader.ReadIso(line, 1, out header.Timestamp);
        // The level's bracket is " [INFO]" or " [DEBUG]"; the logger's ends right before it.
        var debug = line[levelEnd - 2] == (byte)'G';
        header.Level = debug ? LogLevel.Debug : LogLevel.Info;
        header.Logger = new Range(s_seedRecordStart.Length, levelEnd - (debug ? " [DEBUG]".Length : " [INFO]".Length) - 1);
        RecordHeaderParser.ReadSeedPhase(line, levelEnd, new CloseBrackets(line, levelEnd), ref header);
        Debug.Assert(RecordHeaderParser.TryParse(line, out var parsed) && parsed.Level == header.Level
            && parsed.Logger.Equals(header.Logger) && parsed.Phase.Equals(header.Phase) && parsed.MessageStart == header.MessageStart
            && parsed.Timestamp.Equals(header.Timestamp), "A quiet record's header reads as the parser reads it.");
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
