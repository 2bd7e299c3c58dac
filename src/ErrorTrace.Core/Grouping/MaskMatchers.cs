namespace ErrorTrace.Core.Grouping;

/// <summary>The matchers behind <see cref="MessageMasks"/>: hand-written scanners, no regex, no allocation.</summary>
internal static class MaskMatchers
{
    private const int MaxQuoted = 200;
    private const int MinHexId = 8;

    public static int Uuid(ReadOnlySpan<char> s, int i)
    {
        ReadOnlySpan<int> groups = [8, 4, 4, 4, 12];
        var p = i;
        for (var g = 0; g < groups.Length; g++)
        {
            if (g > 0)
            {
                if (p >= s.Length || s[p] != '-') return 0;
                p++;
            }

            for (var k = 0; k < groups[g]; k++, p++)
            {
                if (p >= s.Length || !char.IsAsciiHexDigit(s[p])) return 0;
            }
        }

        return p - i;
    }

    public static int IsoTimestamp(ReadOnlySpan<char> s, int i)
    {
        if (!Digits(s, i, 4) || !At(s, i + 4, '-') || !Digits(s, i + 5, 2) || !At(s, i + 7, '-') || !Digits(s, i + 8, 2)) return 0;
        var p = i + 10;
        if (p < s.Length && (s[p] == ' ' || s[p] == 'T' || s[p] == '_'))
        {
            var clock = Clock(s, p + 1);
            if (clock > 0) p += 1 + clock;
        }

        return p - i;
    }

    public static int Clock(ReadOnlySpan<char> s, int i)
    {
        if (!Digits(s, i, 2) || !At(s, i + 2, ':') || !Digits(s, i + 3, 2)) return 0;
        var p = i + 5;
        if (At(s, p, ':') && Digits(s, p + 1, 2)) p += 3;
        if (At(s, p, '.') || At(s, p, ','))
        {
            var q = p + 1;
            while (q < s.Length && char.IsAsciiDigit(s[q])) q++;
            if (q > p + 1) p = q;
        }

        return p - i;
    }

    public static int IPv4(ReadOnlySpan<char> s, int i)
    {
        var p = i;
        for (var octet = 0; octet < 4; octet++)
        {
            if (octet > 0)
            {
                if (!At(s, p, '.')) return 0;
                p++;
            }

            var start = p;
            while (p < s.Length && p - start < 3 && char.IsAsciiDigit(s[p])) p++;
            if (p == start) return 0;
        }

        if (p < s.Length && char.IsAsciiDigit(s[p])) return 0;
        if (At(s, p, ':') && p + 1 < s.Length && char.IsAsciiDigit(s[p + 1]))
        {
            p++;
            while (p < s.Length && char.IsAsciiDigit(s[p])) p++;
        }

        return p - i;
    }

    public static int HexLiteral(ReadOnlySpan<char> s, int i)
    {
        if (!At(s, i, '0') || !(At(s, i + 1, 'x') || At(s, i + 1, 'X'))) return 0;
        var p = i + 2;
        while (p < s.Length && char.IsAsciiHexDigit(s[p])) p++;
        return p > i + 2 ? p - i : 0;
    }

    public static int TempPath(ReadOnlySpan<char> s, int i)
    {
        var rest = s[i..];
        if (!(rest.StartsWith("/tmp/", StringComparison.Ordinal) || rest.StartsWith("/var/tmp/", StringComparison.Ordinal)
            || rest.StartsWith("/dev/shm/", StringComparison.Ordinal))) return 0;
        var p = 0;
        while (p < rest.Length && !char.IsWhiteSpace(rest[p]) && rest[p] is not ('\'' or '"' or ',' or ')' or ']')) p++;
        return p;
    }

    public static int Quoted(ReadOnlySpan<char> s, int i)
    {
        var quote = s[i];
        if (quote is not ('\'' or '"' or '`')) return 0;
        // An apostrophe inside a word ("don't") is not a quote.
        if (quote == '\'' && i > 0 && char.IsAsciiLetter(s[i - 1])) return 0;
        var end = s[(i + 1)..Math.Min(s.Length, i + 1 + MaxQuoted)].IndexOf(quote);
        return end < 0 ? 0 : end + 2;
    }

    public static int HexId(ReadOnlySpan<char> s, int i)
    {
        var p = i;
        bool letter = false, digit = false;
        while (p < s.Length && char.IsAsciiHexDigit(s[p]))
        {
            if (char.IsAsciiDigit(s[p])) digit = true;
            else letter = true;
            p++;
        }

        if (p - i < MinHexId || !letter || !digit || (p < s.Length && char.IsAsciiLetterOrDigit(s[p]))) return 0;
        return p - i;
    }

    public static int Duration(ReadOnlySpan<char> s, int i)
    {
        var n = Number(s, i);
        if (n == 0) return 0;
        var p = i + n;
        if (At(s, p, ' ')) p++;
        ReadOnlySpan<string> units = ["milliseconds", "millisecond", "seconds", "second", "minutes", "minute", "hours", "ms", "sec", "min", "s", "m", "h"];
        foreach (var unit in units)
        {
            if (s[p..].StartsWith(unit, StringComparison.Ordinal) && (p + unit.Length >= s.Length || !char.IsAsciiLetter(s[p + unit.Length])))
                return p + unit.Length - i;
        }

        return 0;
    }

    public static int Number(ReadOnlySpan<char> s, int i)
    {
        var p = i;
        while (p < s.Length && char.IsAsciiDigit(s[p])) p++;
        if (p == i) return 0;
        if (At(s, p, '.') && p + 1 < s.Length && char.IsAsciiDigit(s[p + 1]))
        {
            p++;
            while (p < s.Length && char.IsAsciiDigit(s[p])) p++;
        }

        if ((At(s, p, 'e') || At(s, p, 'E')) && p + 1 < s.Length && (char.IsAsciiDigit(s[p + 1]) || ((s[p + 1] is '-' or '+') && p + 2 < s.Length && char.IsAsciiDigit(s[p + 2]))))
        {
            p += 2;
            while (p < s.Length && char.IsAsciiDigit(s[p])) p++;
        }

        return p - i;
    }

    private static bool At(ReadOnlySpan<char> s, int i, char c) => (uint)i < (uint)s.Length && s[i] == c;

    private static bool Digits(ReadOnlySpan<char> s, int i, int count)
    {
        if (i < 0 || i + count > s.Length) return false;
        for (var k = 0; k < count; k++)
        {
            if (!char.IsAsciiDigit(s[i + k])) return false;
        }

        return true;
    }
}
