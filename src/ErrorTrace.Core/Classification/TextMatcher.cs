using System.Buffers;
using System.Text.RegularExpressions;

namespace ErrorTrace.Core.Classification;

/// <summary>
/// "Any of these case-insensitive substrings or regexes". Substrings go through one
/// <see cref="SearchValues{T}"/> (a vectorized multi-string search), regexes through one combined
/// regex (bounded by a match timeout), so a condition costs one or two passes whatever its size.
/// </summary>
internal sealed class TextMatcher
{
    /// <summary>The engine keeps a message's first 16 KiB (EngineLimits.MaxMessageChars); a line may be 64 KiB.</summary>
    public const int MaxRegexChars = 16 * 1024;

    private readonly SearchValues<string>? _substrings;
    private readonly Regex? _regex;

    private TextMatcher(SearchValues<string>? substrings, Regex? regex)
    {
        _substrings = substrings;
        _regex = regex;
    }

    /// <exception cref="ArgumentException">An empty substring or a bad regex.</exception>
    public static TextMatcher? Create(IReadOnlyList<string>? substrings, IReadOnlyList<string>? regexes, string field)
    {
        SearchValues<string>? values = null;
        if (substrings is { Count: > 0 })
        {
            if (substrings.Any(string.IsNullOrEmpty)) throw new ArgumentException($"{field} has an empty string");
            values = SearchValues.Create([.. substrings], StringComparison.OrdinalIgnoreCase);
        }

        var regex = RegexFactory.Combine(regexes, field + "_regex");
        return values is null && regex is null ? null : new TextMatcher(values, regex);
    }

    /// <summary>The index of a match in <paramref name="text"/>, or -1.</summary>
    public int Find(string? text)
    {
        if (string.IsNullOrEmpty(text)) return -1;
        if (_substrings is not null)
        {
            var index = text.AsSpan().IndexOfAny(_substrings);
            if (index >= 0) return index;
        }

        if (_regex is not null)
        {
            // Regexes read the head only: evidence sits near the start of a message or line, and a rule set of a hundred
            // conditions over a 64 KiB line would otherwise cost seconds per report with the interpreted engine.
            var index = RegexFactory.FirstMatch(_regex, text.AsSpan(0, Math.Min(text.Length, MaxRegexChars)));
            if (index >= 0) return index;
        }

        return -1;
    }
}
