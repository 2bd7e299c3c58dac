namespace ErrorTrace.Core.Markers;

/// <summary>
/// A progress bar that ended without a newline, with another writer's text glued after it: a shell's
/// <c>6%|██        | 3787/62565 [04:47&lt;1:18:33, 12.4it/s]Killed</c>. The text after the bar is what was reported; the
/// bar says how far the job got (<c>3787/62565</c>), which is context, not the message.
/// </summary>
internal static class GluedProgressBar
{
    /// <summary>Where the glued text starts: just after tqdm's closing <c>[elapsed&lt;remaining, rate]</c> block, or 0 when
    /// the line has no such block with text after it.</summary>
    public static int End(ReadOnlySpan<char> line)
    {
        var from = 0;
        while (from < line.Length)
        {
            var open = line[from..].IndexOf('[');
            if (open < 0) return 0;
            open += from;
            var close = line[open..].IndexOf(']');
            if (close < 0) return 0;
            close += open;
            if (IsTail(line[open..(close + 1)])) return close + 1 < line.Length ? close + 1 : 0;
            from = open + 1;
        }

        return 0;
    }

    /// <summary>tqdm's closing block: <c>[15:30&lt;08:03,  2.68it/s]</c> or <c>[00:03&lt;2:05:34,  3.59s/it, loss=0.4]</c>,
    /// with any unit (datasets' <c>[03:08&lt;01:16, 15381.54 examples/s]</c>, <c>img/s</c>, <c>s/batch</c>): a rate is
    /// <c>{unit}/s</c> or <c>s/{unit}</c> after a number.</summary>
    public static bool IsTail(ReadOnlySpan<char> block) =>
        (block.Contains('<') || StartsWithElapsedAlone(block))
        && (block.Contains("it/s", StringComparison.Ordinal) || block.Contains("s/it", StringComparison.Ordinal) || HasRate(block));

    /// <summary>tqdm's block for an iterable of unknown length, which has no remaining time: <c>0it [00:00, ?it/s]</c>,
    /// <c>1234it [01:02:03, 19.8it/s]</c>: the elapsed clock, then a comma.</summary>
    private static bool StartsWithElapsedAlone(ReadOnlySpan<char> block)
    {
        if (block.IsEmpty || block[0] != '[') return false;
        var clock = block[1..];
        var end = clock.IndexOfAnyExcept(s_clockChars);
        return end >= MinClockChars && clock[..end].Contains(':') && clock[end..].StartsWith(", ", StringComparison.Ordinal);
    }

    private static readonly System.Buffers.SearchValues<char> s_clockChars = System.Buffers.SearchValues.Create("0123456789:");

    /// <summary>tqdm's shortest clock, <c>00:00</c>.</summary>
    private const int MinClockChars = 5;

    private static bool HasRate(ReadOnlySpan<char> block)
    {
        var comma = block.LastIndexOf(',');
        while (comma >= 0)
        {
            var field = block[(comma + 1)..].TrimStart();
            var number = 0;
            while (number < field.Length && (char.IsAsciiDigit(field[number]) || field[number] == '.')) number++;
            var unit = field[number..].TrimStart();
            if (number > 0 && unit.Length > 2 && (char.IsAsciiLetter(unit[0]) || unit[0] == '/')
                && (unit.StartsWith("s/", StringComparison.Ordinal) || IsPerSecond(unit))) return true;
            comma = block[..comma].LastIndexOf(',');
        }

        return false;
    }

    /// <summary><c>examples/s</c> up to the field's end (a comma or the closing bracket).</summary>
    private static bool IsPerSecond(ReadOnlySpan<char> unit)
    {
        var end = unit.IndexOfAny(',', ']');
        var word = (end < 0 ? unit : unit[..end]).TrimEnd();
        return word.EndsWith("/s", StringComparison.Ordinal) && word.Length > 2 && !word[..^2].ContainsAnyExcept(s_unitChars);
    }

    private static readonly System.Buffers.SearchValues<char> s_unitChars =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_");

    /// <summary>The text ends with tqdm's closing block.</summary>
    public static bool EndsWithTail(ReadOnlySpan<char> text)
    {
        var open = text.LastIndexOf('[');
        return open >= 0 && IsTail(text[open..]);
    }

    /// <summary>How far the bar got: its <c>n/total</c> (<c>3787/62565</c>, <c>3.79k/62.6k</c>), else its percentage, else null.</summary>
    public static string? Progress(ReadOnlySpan<char> bar)
    {
        var open = bar.LastIndexOf('[');
        if (open < 0) return null;
        var before = bar[..open].TrimEnd();
        var token = before[(before.LastIndexOfAny(' ', '|') + 1)..];
        if (token.Length > 2 && char.IsAsciiDigit(token[0]) && token.Contains('/')) return token.ToString();
        var percent = before.IndexOf("%|", StringComparison.Ordinal);
        if (percent <= 0) return null;
        var start = percent;
        while (start > 0 && char.IsAsciiDigit(before[start - 1])) start--;
        return start < percent ? before[start..(percent + 1)].ToString() : null;
    }

    /// <summary>The text glued after a bar and the bar's progress; the line itself and null when no bar precedes it.</summary>
    public static ReadOnlySpan<char> Cut(ReadOnlySpan<char> line, out string? progress)
    {
        var end = End(line);
        progress = end > 0 ? Progress(line[..end]) : null;
        return end > 0 ? line[end..].TrimStart() : line;
    }

    /// <summary>Keras' bar (<c>165376/296960 [=====&gt;.....] - ETA: 365s - loss: 2.1371</c>): a count, then the bar drawn
    /// with <c>=</c>, <c>&gt;</c> and <c>.</c> in brackets.</summary>
    public static bool StartsWithKerasBar(ReadOnlySpan<char> line)
    {
        line = line.TrimStart();
        var i = 0;
        while (i < line.Length && char.IsAsciiDigit(line[i])) i++;
        if (i == 0 || i >= line.Length || line[i] != '/') return false;
        var denominator = ++i;
        while (i < line.Length && char.IsAsciiDigit(line[i])) i++;
        if (i == denominator || !line[i..].StartsWith(" [", StringComparison.Ordinal)) return false;
        var bar = line[(i + 2)..];
        var close = bar.IndexOf(']');
        return close > 0 && !bar[..close].ContainsAnyExcept("=>.");
    }
}
