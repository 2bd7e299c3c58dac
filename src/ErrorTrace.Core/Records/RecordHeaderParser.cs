using System.Runtime.CompilerServices;

namespace ErrorTrace.Core.Records;

/// <summary>
/// Recognises a record header at the start of a line (envelopes already removed) and says where its message starts.
/// Dispatch is on the first byte, so an unstructured line costs a comparison or two. A malformed header is simply not
/// a header: the line is unstructured, never an error. The formats, in the order they are tried:
/// <list type="bullet">
/// <item>seed: <c>[2025-12-10 03:58:22] [__main__] [ERROR] [Main] message</c>, phase optional, logger may be dotted;</item>
/// <item>DeepSpeed: <c>[2024-01-01 12:00:00,123] [INFO] [engine.py:123:__init__] message</c>;</item>
/// <item>transformers: <c>[INFO|trainer.py:2345] 2024-01-01 12:00:00,123 &gt;&gt; message</c>;</item>
/// <item>c10/glog in brackets: <c>[E321 02:07:08.408271257 ProcessGroupNCCL.cpp:607] message</c>, <c>[W reducer.cpp:1360] message</c>;</item>
/// <item>glog/absl: <c>E0325 20:57:27.620000 2606 api.py:869] message</c>, TensorFlow's
/// <c>2020-05-14 10:12:34.567890: F tensorflow/…/cuda_driver.cc:175] message</c> (also without its timestamp);</item>
/// <item>Python logging's default <c>WARNING:torch.distributed.elastic.multiprocessing.api:message</c> and bare <c>ERROR: message</c>;</item>
/// <item>vLLM: <c>ERROR 10-11 12:27:29 engine.py:157] message</c>, <c>INFO 05-20 10:01:02 [core.py:61] message</c> (<see cref="VllmHeader"/>);</item>
/// <item>timestamp first: <c>2024-01-01 12:00:00,123 - name - ERROR - message</c>, loguru's <c>… | ERROR | module:f:1 - message</c>.</item>
/// </list>
/// </summary>
internal static class RecordHeaderParser
{
    /// <summary>How far into a line a bracketed glog header's closing <c>]</c> may be.</summary>
    private const int MaxGlogHeader = 160;

    /// <summary>The seed's phases are single words; a longer bracket is part of the message.</summary>
    private const int MaxPhase = 40;

    /// <summary>How far a timestamp-first header may look for its level word.</summary>
    private const int MaxLevelSearch = 120;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryParse(ReadOnlySpan<byte> s, out RecordHeader header)
    {
        header = default;
        if (s.Length < 4) return false;
        return s[0] switch
        {
            (byte)'[' => TryBracketed(s, ref header),
            >= (byte)'0' and <= (byte)'9' => TryTimestampFirst(s, ref header),
            (byte)'I' or (byte)'W' or (byte)'E' or (byte)'F' => TryGlog(s, ref header) || TryPythonLogging(s, ref header) || VllmHeader.TryParse(s, ref header),
            (byte)'D' or (byte)'C' => TryPythonLogging(s, ref header) || VllmHeader.TryParse(s, ref header),
            _ => false,
        };
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryBracketed(ReadOnlySpan<byte> s, ref RecordHeader h)
    {
        if (s.IsDigit(1))
        {
            var end = TimestampReader.ReadIso(s, 1, out h.Timestamp);
            if (end < 0 || end >= s.Length || s[end] != (byte)']') return false;
            return TrySeedOrDeepSpeed(s, end + 1, ref h);
        }

        var pipe = s[..Math.Min(s.Length, 12)].IndexOf((byte)'|');
        if (pipe > 1) return TryTransformers(s, pipe, ref h);
        return TryBracketedGlog(s, ref h);
    }

    /// <summary>After <c>[timestamp]</c>: seed <c> [logger] [LEVEL] [Phase]? </c> or DeepSpeed <c> [LEVEL] [file:line:func] </c>.
    /// The <c>]</c>s of the next 64 bytes are mapped once, so each bracket's end is a bit scan; brackets are kept as the
    /// index of their content and of their <c>]</c>, with no <see cref="Range"/> arithmetic per field.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TrySeedOrDeepSpeed(ReadOnlySpan<byte> s, int i, ref RecordHeader h)
    {
        var closes = new CloseBrackets(s, i);
        if (!closes.Next(s, i, out var first, out var firstClose)) return false;
        var level = AsciiScanner.Level(s.Slice(first, firstClose - first));
        i = firstClose + 1;
        if (level != LogLevel.None)
        {
            // DeepSpeed: the location bracket is the logger.
            if (closes.Next(s, i, out var location, out var locationClose))
            {
                h.Logger = new Range(location, locationClose);
                i = locationClose + 1;
            }
        }
        else
        {
            if (!closes.Next(s, i, out var levelStart, out var levelClose)) return false;
            level = AsciiScanner.Level(s.Slice(levelStart, levelClose - levelStart));
            if (level == LogLevel.None) return false;
            h.Logger = new Range(first, firstClose);
            h.Level = level;
            ReadSeedPhase(s, levelClose + 1, closes, ref h);
            return true;
        }

        h.Level = level;
        h.MessageStart = SkipSpaces(s, i);
        return true;
    }

    /// <summary>The rest of a seed header after its level's <c>]</c> at <paramref name="i"/> - 1: the optional phase and
    /// where the message starts. Also for a reader that checked the header up to there itself (LogAnalyzer.QuietLines);
    /// <paramref name="closes"/> maps the <c>]</c>s from anywhere before <paramref name="i"/>, or none.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void ReadSeedPhase(ReadOnlySpan<byte> s, int i, in CloseBrackets closes, ref RecordHeader h)
    {
        if (closes.Next(s, i, out var phase, out var phaseClose) && IsPhase(s, phase, phaseClose))
        {
            h.Phase = new Range(phase, phaseClose);
            i = phaseClose + 1;
        }

        h.MessageStart = SkipSpaces(s, i);
    }

    /// <summary>The seed's optional phase: a bracketed single word (<c>[SFT]</c>, <c>[PreTokenize]</c>) followed by a space
    /// or the line's end. A bracket holding spaces (<c>[Rank 0]</c>) belongs to the message.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsPhase(ReadOnlySpan<byte> s, int start, int close)
    {
        var word = s.Slice(start, close - start);
        if (word.IsEmpty || word.Length > MaxPhase) return false;
        // A few bytes: a loop, not a call.
        foreach (var b in word)
        {
            if (b is (byte)' ' or (byte)':' or (byte)'=') return false;
        }

        return close + 1 >= s.Length || s[close + 1] == (byte)' ';
    }

    private static bool TryTransformers(ReadOnlySpan<byte> s, int pipe, ref RecordHeader h)
    {
        var level = AsciiScanner.Level(s[1..pipe]);
        if (level == LogLevel.None) return false;
        var close = s[..Math.Min(s.Length, MaxGlogHeader)].IndexOf((byte)']');
        if (close < pipe) return false;
        h.Level = level;
        h.Logger = new Range(pipe + 1, close);
        var i = SkipSpaces(s, close + 1);
        var end = TimestampReader.ReadIso(s, i, out h.Timestamp);
        if (end > 0) i = end;
        i = SkipSpaces(s, i);
        if (i + 1 < s.Length && s[i] == (byte)'>' && s[i + 1] == (byte)'>') i += 2;
        h.MessageStart = SkipSpaces(s, i);
        return true;
    }

    /// <summary><c>[E321 02:07:08.408271257 ProcessGroupNCCL.cpp:607]</c>, <c>[W reducer.cpp:1360]</c>, <c>[I1105 14:10:42.123 123 x.cpp:1]</c>.</summary>
    private static bool TryBracketedGlog(ReadOnlySpan<byte> s, ref RecordHeader h)
    {
        var level = AsciiScanner.GlogLevel(s[1]);
        if (level == LogLevel.None || s.Length < 6) return false;
        var i = 2;
        if (s.IsDigit(2))
        {
            // [E321 02:07:08...]: month and day may print as 3 digits (MDD) in c10's format.
            var digits = 0;
            while (s.IsDigit(2 + digits)) digits++;
            if (digits is < 3 or > 4 || 2 + digits >= s.Length || s[2 + digits] != (byte)' ') return false;
            var month = AsciiScanner.Digits(s, 2, digits - 2);
            var day = AsciiScanner.Digits(s, 2 + digits - 2, 2);
            var timeStart = 2 + digits + 1;
            if (timeStart + 8 > s.Length || s[timeStart + 2] != (byte)':' || s[timeStart + 5] != (byte)':') return false;
            var end = AsciiScanner.Fraction(s, timeStart + 8, out var ticks);
            h.Timestamp = new RawTimestamp(0, month, day, AsciiScanner.Digits(s, timeStart, 2), AsciiScanner.Digits(s, timeStart + 3, 2),
                AsciiScanner.Digits(s, timeStart + 6, 2), ticks, false);
            i = end;
        }

        if (i >= s.Length || s[i] != (byte)' ') return false;
        var close = s[..Math.Min(s.Length, MaxGlogHeader)].IndexOf((byte)']');
        if (close < 0 || close < i) return false;
        var location = s[(i + 1)..close];
        if (location.IndexOf((byte)':') < 0) return false;
        var lastSpace = location.LastIndexOf((byte)' ');
        h.Logger = new Range(i + 1 + lastSpace + 1, close);
        h.Level = level;
        h.MessageStart = SkipSpaces(s, close + 1);
        return true;
    }

    /// <summary>
    /// TensorFlow's own glog layout: <c>2020-05-14 10:12:34.567890: F tensorflow/core/…/bfc_allocator.cc:458] message</c>
    /// (tensorflow/tsl's <c>LogMessage</c>: timestamp, a colon, the severity letter, the source path and line), and the
    /// same without its timestamp (<c>F tensorflow/core/…cc:458] message</c>, as older builds and pastes show it).
    /// <paramref name="letter"/> is the severity letter's index; a path with a <c>:line</c> before the <c>]</c> must follow.
    /// </summary>
    private static bool TryLocatedGlog(ReadOnlySpan<byte> s, int letter, ref RecordHeader h)
    {
        var level = AsciiScanner.GlogLevel(s[letter]);
        if (level == LogLevel.None) return false;
        var start = letter + 2;
        var close = AsciiScanner.IndexOfWithin(s, start, MaxGlogHeader, (byte)']');
        if (close < 0) return false;
        var location = s[start..close];
        var colon = location.LastIndexOf((byte)':');
        if (colon <= 0 || colon == location.Length - 1 || location.IndexOf((byte)' ') >= 0) return false;
        foreach (var b in location[(colon + 1)..])
        {
            if (!char.IsAsciiDigit((char)b)) return false;
        }

        h.Level = level;
        h.Logger = new Range(start, close);
        h.MessageStart = SkipSpaces(s, close + 1);
        return true;
    }

    /// <summary><c>E0325 20:57:27.620000 2606 api.py:869] message</c> (glog and absl: severity, MMDD, time, thread, file:line).</summary>
    private static bool TryGlog(ReadOnlySpan<byte> s, ref RecordHeader h)
    {
        if (s[1] == (byte)' ') return TryLocatedGlog(s, 0, ref h);
        if (!s.IsDigit(1)) return false;
        var end = TimestampReader.ReadGlog(s, 1, out h.Timestamp);
        if (end < 0) return false;
        var close = s[end..Math.Min(s.Length, MaxGlogHeader)].IndexOf((byte)']');
        if (close < 0) return false;
        close += end;
        var location = s[end..close];
        var lastSpace = location.LastIndexOf((byte)' ');
        if (lastSpace < 0 || location[(lastSpace + 1)..].IndexOf((byte)':') < 0) return false;
        h.Level = AsciiScanner.GlogLevel(s[0]);
        h.Logger = new Range(end + lastSpace + 1, close);
        h.MessageStart = SkipSpaces(s, close + 1);
        return true;
    }

    /// <summary><c>LEVEL:logger:message</c> (logging.basicConfig's default) or bare <c>LEVEL: message</c>.</summary>
    private static bool TryPythonLogging(ReadOnlySpan<byte> s, ref RecordHeader h)
    {
        var colon = s[..Math.Min(s.Length, 9)].IndexOf((byte)':');
        if (colon < 4) return false;
        var word = s[..colon];
        // Upper case only: "Error: x" and "Warning: x" are exception and warning lines, not records.
        foreach (var b in word)
        {
            if (b is < (byte)'A' or > (byte)'Z') return false;
        }

        var level = AsciiScanner.Level(word);
        if (level == LogLevel.None) return false;
        var i = colon + 1;
        if (i < s.Length && s[i] != (byte)' ')
        {
            var next = s[i..].IndexOf((byte)':');
            var space = s[i..].IndexOf((byte)' ');
            if (next > 0 && (space < 0 || space > next))
            {
                h.Logger = new Range(i, i + next);
                i += next + 1;
            }
        }

        h.Level = level;
        h.MessageStart = SkipSpaces(s, i);
        return true;
    }

    /// <summary><c>2024-01-01 12:00:00,123 - name - LEVEL - message</c>, <c>… | LEVEL | …</c>, <c>… LEVEL name: message</c>.
    /// The level must be one of the first three words after the timestamp, so a message that merely mentions "error"
    /// later does not make a record.</summary>
    private static bool TryTimestampFirst(ReadOnlySpan<byte> s, ref RecordHeader h)
    {
        var i = TimestampReader.ReadIso(s, 0, out h.Timestamp);
        if (i < 0) return false;
        if (i + 4 < s.Length && s[i] == (byte)':' && s[i + 1] == (byte)' ' && s[i + 3] == (byte)' ' && TryLocatedGlog(s, i + 2, ref h)) return true;
        var limit = Math.Min(s.Length, i + MaxLevelSearch);
        Range logger = default;
        for (var word = 0; word < 3 && i < limit; word++)
        {
            i = SkipSeparators(s, i, limit);
            var start = i;
            while (i < limit && s[i] is not ((byte)' ' or (byte)'|' or (byte)']' or (byte)'[')) i++;
            if (i == start) return false;
            var token = s[start..i];
            if (token.Length > 0 && token[^1] == (byte)':') token = token[..^1];
            var level = AsciiScanner.Level(token);
            if (level != LogLevel.None)
            {
                h.Level = level;
                h.Logger = logger;
                i = SkipSeparators(s, i, s.Length);
                h.MessageStart = i;
                return true;
            }

            // A lone ':' is empty once stripped: TensorFlow's "2021-04-14 10:22:36.118770: I tensorflow/…" puts it right
            // after the timestamp. It is punctuation, not a logger.
            if (token.Length > 1 || (token.Length == 1 && token[0] != (byte)'-')) logger = logger.Equals(default(Range)) ? new Range(start, i) : logger;
        }

        return false;
    }

    private static int SkipSeparators(ReadOnlySpan<byte> s, int i, int limit)
    {
        while (i < limit && s[i] is (byte)' ' or (byte)'|' or (byte)'[' or (byte)']' || (i < limit && s[i] == (byte)'-' && (i + 1 >= limit || s[i + 1] == (byte)' ')))
            i++;
        return i;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int SkipSpaces(ReadOnlySpan<byte> s, int i)
    {
        while (i < s.Length && s[i] == (byte)' ') i++;
        return i;
    }
}
