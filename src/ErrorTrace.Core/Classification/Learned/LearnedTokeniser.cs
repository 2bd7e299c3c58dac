using ErrorTrace.Core.Grouping;

namespace ErrorTrace.Core.Classification.Learned;

/// <summary>
/// Splits the engine's findings into the tokens the learned classifier counts. Simple on purpose: lower-case words of
/// letters and digits, dotted names (types, modules) as their whole name plus their segments. A token never contains
/// whitespace, so the model file can be one token per line.
/// </summary>
internal static class LearnedTokeniser
{
    /// <summary>Words shorter than this ("a", "of", "x") say nothing about a mechanism.</summary>
    public const int MinWordLength = 2;

    /// <summary>Longer words are hashes, paths glued together, base64: noise that never repeats across logs.</summary>
    public const int MaxWordLength = 30;

    /// <summary>Numbers up to this many digits are kept (exit codes 137/139, signal numbers, "-9"); longer ones are sizes,
    /// addresses and step counts, different in every log.</summary>
    public const int MaxNumberLength = 3;

    /// <summary>Adds <paramref name="prefix"/> + every word of <paramref name="text"/>, at most <paramref name="maxWords"/>.</summary>
    public static void AddWords(string? text, string prefix, ISet<string> into, int maxWords)
    {
        if (string.IsNullOrEmpty(text)) return;
        var added = 0;
        var i = 0;
        while (i < text.Length && added < maxWords)
        {
            while (i < text.Length && !char.IsLetterOrDigit(text[i])) i++;
            var start = i;
            while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_')) i++;
            var length = i - start;
            if (length == 0) continue;
            var word = text.AsSpan(start, length);
            if (!Keep(word)) continue;
            into.Add(prefix + word.ToString().ToLowerInvariant());
            added++;
        }
    }

    /// <summary>Like <see cref="AddWords"/>, with quoted values (<see cref="MaskMatchers.Quoted"/>, the grouping's
    /// mask) read as the one word <c>quoted</c>. Two failures that group as one (<c>KeyError: 'labels'</c> and
    /// <c>KeyError: 'input_ids'</c> in the same frame) must get one category, or the fleet view, whose signature starts
    /// with the category, splits them; and a quoted key names one log, not a mechanism. Numbers stay (exit codes and
    /// signal numbers are mechanisms; <see cref="MaxNumberLength"/> drops sizes and steps).</summary>
    public static void AddMaskedWords(string? text, string prefix, ISet<string> into, int maxWords)
    {
        if (string.IsNullOrEmpty(text)) return;
        var masked = new System.Text.StringBuilder(text.Length);
        var span = text.AsSpan();
        for (var i = 0; i < span.Length; i++)
        {
            var quoted = i == 0 || !char.IsAsciiLetterOrDigit(span[i - 1]) ? MaskMatchers.Quoted(span, i) : 0;
            if (quoted == 0)
            {
                masked.Append(span[i]);
                continue;
            }

            masked.Append(" quoted ");
            i += quoted - 1;
        }

        AddWords(masked.ToString(), prefix, into, maxWords);
    }

    /// <summary>A dotted or slashed name (<c>torch.cuda.OutOfMemoryError</c>, <c>site-packages/torch/nn/modules/module.py</c>):
    /// the whole last segment under <paramref name="prefix"/>, each segment under <paramref name="segmentPrefix"/>.</summary>
    public static void AddName(string? name, string prefix, string segmentPrefix, ISet<string> into)
    {
        if (string.IsNullOrWhiteSpace(name)) return;
        var segments = name.Split(s_separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (segments.Length == 0) return;
        var last = Clean(segments[^1]);
        if (last.Length > 0) into.Add(prefix + last);
        for (var s = 0; s < segments.Length - 1; s++)
        {
            var segment = Clean(segments[s]);
            if (segment.Length >= MinWordLength && segment.Length <= MaxWordLength) into.Add(segmentPrefix + segment);
        }
    }

    private static readonly char[] s_separators = ['.', '/', '\\', ':'];

    private static string Clean(string segment)
    {
        var chars = segment.Where(c => char.IsLetterOrDigit(c) || c == '_' || c == '-').ToArray();
        var cleaned = new string(chars).ToLowerInvariant();
        return cleaned.Length > MaxWordLength ? cleaned[..MaxWordLength] : cleaned;
    }

    private static bool Keep(ReadOnlySpan<char> word)
    {
        if (word.Length > MaxWordLength) return false;
        var digits = 0;
        foreach (var c in word)
        {
            if (char.IsDigit(c)) digits++;
        }

        if (digits == word.Length) return word.Length <= MaxNumberLength;
        return word.Length >= MinWordLength;
    }
}
