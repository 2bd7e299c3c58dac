using System.Buffers;

namespace ErrorTrace.Core.Classification;

/// <summary>
/// "Any of these case-insensitive substrings or regexes". Substrings go through one
/// <see cref="SearchValues{T}"/> (a vectorized multi-string search), regexes through
/// <see cref="RegexAlternatives"/> (each its own regex with its own start search, bounded by a match timeout).
/// </summary>
internal sealed class TextMatcher
{
    /// <summary>The engine keeps a message's first 16 KiB (EngineLimits.MaxMessageChars); a line may be 64 KiB.</summary>
    public const int MaxRegexChars = 16 * 1024;

    private readonly SearchValues<string>? _substrings;
    private readonly RegexAlternatives? _regexes;

    private TextMatcher(SearchValues<string>? substrings, RegexAlternatives? regexes)
    {
        _substrings = substrings;
        _regexes = regexes;
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

        var alternatives = RegexAlternatives.Create(regexes, field + "_regex");
        return values is null && alternatives is null ? null : new TextMatcher(values, alternatives);
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

        // Regexes read the head only: evidence sits near the start of a message or line, and a rule set of a hundred
        // conditions over a 64 KiB line would otherwise cost seconds per report with the interpreted engine.
        return _regexes is null ? -1 : _regexes.FirstMatch(Head(text));
    }

    /// <summary>Whether <see cref="Find"/> finds a match: stops at the first regex that matches instead of asking each
    /// for its earliest.</summary>
    public bool Matches(string? text)
    {
        if (string.IsNullOrEmpty(text)) return false;
        if (_substrings is not null && text.AsSpan().ContainsAny(_substrings)) return true;
        return _regexes is not null && _regexes.IsMatch(Head(text));
    }

    private static ReadOnlySpan<char> Head(string text) => text.AsSpan(0, Math.Min(text.Length, MaxRegexChars));
}
