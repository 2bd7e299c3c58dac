using System.Runtime.CompilerServices;
using ErrorTrace.Core.Records;
using ErrorTrace.Core.Tracebacks;

namespace ErrorTrace.Core.Markers;

/// <summary>
/// A shell's report of a child killed by a signal in another locale: bash prints strsignal()'s words as glibc
/// translates them (zh_CN <c>已杀死</c>, <c>段错误 (核心已转储)</c>; ja <c>強制終了</c>). Alone on its line, or glued to
/// the progress bar that was running (<c>21/1423 [00:02&lt;02:09, 10.81it/s]已杀死</c>, mmcv's
/// <c>ETA: 2621s已杀死</c>). The words are not ASCII, so the gate's needles cannot find them: the gate asks
/// <see cref="MayEndWith"/> instead, one compare for a line that ends in ASCII.
/// </summary>
internal static class LocalizedShellDeath
{
    /// <summary>The translated words the engine reads (<see cref="SignalNames.Localized"/>), in the table's order.</summary>
    private static readonly (string Words, string Signal)[] s_words =
        [.. SignalNames.Localized.Where(w => w.Engine).Select(w => (w.Words, w.Signal))];

    /// <summary>The shell's "(core dumped)" in the same locales, after the words.</summary>
    private static readonly string[] s_coreDumped = ["(核心已转储)", "(核心已傾印)", "(コアダンプ)", "(Speicherabzug geschrieben)", "(core dumped)"];

    /// <summary>The last two UTF-8 bytes of every word and core-dumped suffix above that ends in a non-ASCII character
    /// (or in a closing parenthesis after one): the gate's whole question for a line that does not end in ASCII, so a
    /// Chinese log's ordinary lines stay behind the gate.</summary>
    private static readonly ushort[] s_tails = BuildTails();

    private static ushort[] BuildTails()
    {
        var tails = new HashSet<ushort>();
        foreach (var text in s_words.Select(w => w.Words).Concat(s_coreDumped))
        {
            var bytes = System.Text.Encoding.UTF8.GetBytes(text.TrimEnd(')'));
            if (bytes[^1] >= 0x80) tails.Add((ushort)((bytes[^2] << 8) | bytes[^1]));
        }

        return [.. tails];
    }

    /// <summary>The gate's question, on the raw bytes: does the line end with the last character of a translated report
    /// (or with a closing parenthesis right after one: a translated "(core dumped)")? Most lines end in ASCII: one compare.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool MayEndWith(ReadOnlySpan<byte> line)
    {
        if (line.IsEmpty) return false;
        var last = line[^1];
        if (last < 0x80 && last != (byte)')' && last != (byte)' ' && last != (byte)'\r') return false;
        return EndsWithTail(line);
    }

    private static bool EndsWithTail(ReadOnlySpan<byte> line)
    {
        line = line.TrimEnd(" \r"u8);
        if (line.Length > 1 && line[^1] == (byte)')') line = line[..^1];
        if (line.Length < 2 || line[^1] < 0x80) return false;
        var tail = (ushort)((line[^2] << 8) | line[^1]);
        return Array.IndexOf(s_tails, tail) >= 0;
    }

    /// <summary>The marker a localized report is reported under (one of <see cref="LineMarkers.All"/>).</summary>
    public static readonly LineMarker Marker = new("shell-signal-localized", ["Speicherzugriffsfehler", "Erreur de segmentation", "Falha de segmenta", "Processus arr", "Violaci"],
        "A shell's report of a signal death in another locale ('已杀死', '段错误 (核心已转储)', 'Speicherzugriffsfehler'), alone or glued to a progress bar. The needles are the translations that start with ASCII; the others end in a character the gate and LineMarkers.Match ask about (LocalizedShellDeath.MayEndWith).",
        (marker, line) => Hit(marker, line));

    /// <summary>The marker's verdict on a trimmed line: a death whose report starts at the translated words.</summary>
    public static MarkerHit? Hit(LineMarker marker, ReadOnlySpan<char> line)
    {
        return Read(line, out var start) is { } signal ? new MarkerHit(marker, MarkerKind.Death, signal, Start: start) : null;
    }

    /// <summary>Asked of a line no needle picked: only one that ends in a translated report's last character.</summary>
    public static MarkerHit? HitWithoutNeedle(ReadOnlySpan<char> line)
    {
        line = line.TrimEnd();
        var end = line.Length > 1 && line[^1] == ')' ? line.Length - 1 : line.Length;
        return end > 0 && line[end - 1] >= 0x80 ? Hit(Marker, line) : null;
    }

    /// <summary>The signal a localized shell report on this trimmed line names, and where the report starts; null when
    /// the line is not one.</summary>
    public static string? Read(ReadOnlySpan<char> line, out int start)
    {
        start = 0;
        line = line.TrimEnd();
        if (line.IsEmpty) return null;
        var body = line;
        foreach (var suffix in s_coreDumped)
        {
            if (!body.EndsWith(suffix, StringComparison.Ordinal)) continue;
            body = body[..^suffix.Length].TrimEnd();
            break;
        }

        foreach (var (words, signal) in s_words)
        {
            if (!body.EndsWith(words, StringComparison.Ordinal)) continue;
            var at = body.Length - words.Length;
            var before = line[..at].TrimEnd();
            if (before.IsEmpty || AfterProgress(before))
            {
                start = at;
                return signal;
            }
        }

        return null;
    }

    /// <summary>What a shell's report was glued to: tqdm's closing <c>[elapsed&lt;remaining, rate]</c> block, or a bar
    /// whose last field is a time in seconds (mmcv's <c>ETA: 2621s</c>) or a percentage. Prose before the words is not.</summary>
    private static bool AfterProgress(ReadOnlySpan<char> before)
    {
        if (before[^1] == ']') return GluedProgressBar.EndsWithTail(before) || ProgressBarLine.Matches(before);
        if (before.Length < 2 || (before[^1] != 's' && before[^1] != '%') || !char.IsAsciiDigit(before[^2])) return false;
        return ProgressBarLine.Matches(before) || before.Contains("ETA", StringComparison.Ordinal);
    }
}
