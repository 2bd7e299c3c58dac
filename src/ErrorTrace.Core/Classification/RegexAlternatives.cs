using System.Buffers;
using System.Text;
using System.Text.RegularExpressions;

namespace ErrorTrace.Core.Classification;

/// <summary>
/// A condition's regexes, each its own <see cref="Regex"/>, built on first use. One alternation of them all
/// (<c>(?:a)|(?:b)|…</c>) has no literal prefix, so the interpreter tried every alternative at every position of every
/// text: about 1,000 instructions per character, and the phase hints and rules read hundreds of lines per report. Alone,
/// each regex gets its own search for a start (a leading literal or set found by a vectorised search, a line start after
/// a newline), so most texts cost a few hundred instructions per regex. The first match of the alternation is the
/// earliest first match of its alternatives, so <see cref="FirstMatch"/> answers as the alternation did (a timeout now
/// loses one alternative rather than all).
/// <para>Building a regex (parse, start search, interpreter code) costs about 0.4 M instructions; the built-in rules have
/// a few hundred and a report reads a fraction of them, so they are built when first read. A user's rules file is checked
/// when it loads (<see cref="RegexFactory.Deferring"/> is off), so a bad pattern still names itself there.</para>
/// </summary>
internal sealed class RegexAlternatives
{
    private readonly string[] _patterns;
    private readonly RegexOptions _options;
    private readonly Regex?[] _built;

    /// <summary>Per pattern, the literals every match contains one of (<see cref="RequiredLiterals"/>), or null: an ASCII
    /// text without any of them cannot match, and a vectorised search says so faster than the regex's own start search,
    /// which under invariant globalisation folds case one character at a time (~25 instructions per character) and, for a
    /// pattern without a literal prefix, tries the whole pattern at every position.</summary>
    private readonly SearchValues<string>?[] _leads;

    private RegexAlternatives(string[] patterns, RegexOptions options)
    {
        _patterns = patterns;
        _options = options;
        _built = new Regex?[patterns.Length];
        // Ignoring case even for a case-sensitive pattern: on ASCII text that search finds a superset of its matches.
        _leads = [.. patterns.Select(p => RequiredLiterals.Of(p) is { } literals
            ? SearchValues.Create(literals, StringComparison.OrdinalIgnoreCase)
            : null)];
    }

    /// <summary>Pattern <paramref name="i"/> cannot match <paramref name="text"/>: the text is ASCII (where the regex's
    /// case-insensitive match of an ASCII literal is ordinal ignore-case) and lacks every one of the pattern's required literals.</summary>
    private bool CannotMatch(int i, ReadOnlySpan<char> text, bool ascii) => ascii && _leads[i] is { } lead && !text.ContainsAny(lead);

    /// <summary>The patterns of <paramref name="field"/>, or null when there are none; checked now unless the built-in
    /// rules are loading.</summary>
    /// <exception cref="ArgumentException">A pattern is empty, does not parse or uses an unsupported construct.</exception>
    public static RegexAlternatives? Create(IReadOnlyList<string>? patterns, string field) =>
        Create(patterns, field, RegexFactory.Options);

    /// <inheritdoc cref="Create(IReadOnlyList{string}?, string)"/>
    public static RegexAlternatives? Create(IReadOnlyList<string>? patterns, string field, RegexOptions options)
    {
        if (patterns is null || patterns.Count == 0) return null;
        foreach (var pattern in patterns)
        {
            if (string.IsNullOrEmpty(pattern)) throw new ArgumentException($"{field} has an empty pattern");
        }

        var alternatives = new RegexAlternatives([.. patterns], options);
        if (RegexFactory.Deferring) return alternatives;
        for (var i = 0; i < alternatives._patterns.Length; i++)
        {
            try
            {
                _ = alternatives.Get(i);
            }
            catch (Exception e) when (e is ArgumentException or NotSupportedException)
            {
                throw new ArgumentException($"{field} pattern '{alternatives._patterns[i]}' is not a usable .NET regex: {e.Message}", e);
            }
        }

        return alternatives;
    }

    /// <summary>The index of the first match of any of the regexes in <paramref name="text"/>, or -1.</summary>
    public int FirstMatch(ReadOnlySpan<char> text)
    {
        var first = -1;
        var ascii = Ascii.IsValid(text);
        for (var i = 0; i < _patterns.Length && first != 0; i++)
        {
            if (CannotMatch(i, text, ascii)) continue;
            var at = RegexFactory.FirstMatch(Get(i), text);
            if (at >= 0 && (first < 0 || at < first)) first = at;
        }

        return first;
    }

    /// <summary>Whether any of the regexes matches in <paramref name="text"/>: stops at the first that does.</summary>
    public bool IsMatch(ReadOnlySpan<char> text)
    {
        var ascii = Ascii.IsValid(text);
        for (var i = 0; i < _patterns.Length; i++)
        {
            if (CannotMatch(i, text, ascii)) continue;
            if (RegexFactory.FirstMatch(Get(i), text) >= 0) return true;
        }

        return false;
    }

    // A race between two threads builds the same regex twice; either copy answers the same.
    private Regex Get(int i) => _built[i] ??= new Regex(_patterns[i], _options, RegexFactory.MatchTimeout);
}
