namespace ErrorTrace.Core.Records;

/// <summary>
/// vLLM's logger format (vllm/logger.py, <c>%(levelname)s %(asctime)s %(filename)s:%(lineno)d] %(message)s</c> with the
/// date format <c>%m-%d %H:%M:%S</c>; since v0.8 the location is bracketed, <c>[%(filename)s:%(lineno)d]</c>):
/// <c>ERROR 10-11 12:27:29 engine.py:157] message</c>, <c>INFO 05-20 10:01:02 [core.py:61] message</c>. vLLM's engine,
/// its workers (behind Ray's or its own process labels) and the projects built on it (OpenRLHF, verl, SGLang's router,
/// xinference) log so; an engine's failure is an ERROR record per traceback line. Tried after glog and Python logging's
/// default, on a line that starts with a level's capital: a level word, one space, the date, one space, the location.
/// </summary>
internal static class VllmHeader
{
    /// <summary><c>CRITICAL</c>, the longest level word.</summary>
    private const int MaxLevelWord = 8;

    /// <summary><c>10-11 12:27:29</c>.</summary>
    private const int DateLength = 14;

    /// <summary>How far the location's <c>]</c> may be from its start.</summary>
    private const int MaxLocation = 96;

    public static bool TryParse(ReadOnlySpan<byte> s, ref RecordHeader h)
    {
        var space = s[..Math.Min(s.Length, MaxLevelWord + 1)].IndexOf((byte)' ');
        if (space < 4) return false;
        var level = AsciiScanner.Level(s[..space]);
        if (level == LogLevel.None) return false;
        var d = space + 1;
        if (d + DateLength + 1 >= s.Length || s[d + 2] != (byte)'-' || s[d + 5] != (byte)' ' || s[d + 8] != (byte)':'
            || s[d + 11] != (byte)':' || s[d + DateLength] != (byte)' ') return false;
        var (month, day, hour, minute, second) = (AsciiScanner.Digits(s, d, 2), AsciiScanner.Digits(s, d + 3, 2),
            AsciiScanner.Digits(s, d + 6, 2), AsciiScanner.Digits(s, d + 9, 2), AsciiScanner.Digits(s, d + 12, 2));
        if ((month | day | hour | minute | second) < 0) return false;
        var start = d + DateLength + 1;
        var bracketed = s[start] == (byte)'[';
        if (bracketed) start++;
        var close = AsciiScanner.IndexOfWithin(s, start, MaxLocation, (byte)']');
        if (close <= start) return false;
        var location = s[start..close];
        var colon = location.LastIndexOf((byte)':');
        if (colon <= 0 || colon == location.Length - 1 || location.IndexOf((byte)' ') >= 0
            || location[(colon + 1)..].ContainsAnyExceptInRange((byte)'0', (byte)'9')) return false;
        h.Level = level;
        h.Logger = new Range(start, close);
        h.Timestamp = new RawTimestamp(0, month, day, hour, minute, second, 0, false);
        var i = close + 1;
        while (i < s.Length && s[i] == (byte)' ') i++;
        h.MessageStart = i;
        return true;
    }
}
