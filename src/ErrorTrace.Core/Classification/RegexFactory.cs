using System.Text.RegularExpressions;

namespace ErrorTrace.Core.Classification;

/// <summary>
/// Builds the rules' regexes. NonBacktracking makes matching linear in the input, so a hostile
/// 64 KB message cannot make a rule backtrack catastrophically; the price is no lookarounds or
/// backreferences, which the loader reports as an error for the offending pattern.
/// </summary>
internal static class RegexFactory
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant |
        RegexOptions.Multiline | RegexOptions.ExplicitCapture | RegexOptions.NonBacktracking;

    /// <summary>One regex for all the patterns of a condition: a single linear scan per message.</summary>
    /// <exception cref="ArgumentException">A pattern does not parse or uses an unsupported construct.</exception>
    public static Regex? Combine(IReadOnlyList<string>? patterns, string field)
    {
        if (patterns is null || patterns.Count == 0) return null;
        foreach (var pattern in patterns)
        {
            if (string.IsNullOrEmpty(pattern)) throw new ArgumentException($"{field} has an empty pattern");
        }

        var combined = patterns.Count == 1 ? patterns[0] : string.Join('|', patterns.Select(p => $"(?:{p})"));
        try
        {
            return new Regex(combined, Options);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            // Name the culprit rather than the combined pattern the user never wrote.
            foreach (var pattern in patterns)
            {
                try
                {
                    _ = new Regex(pattern, Options);
                }
                catch (Exception inner) when (inner is ArgumentException or NotSupportedException)
                {
                    throw new ArgumentException($"{field} pattern '{pattern}' is not a usable .NET regex (non-backtracking mode: no lookarounds, backreferences or atomic groups): {inner.Message}", inner);
                }
            }

            throw new ArgumentException($"{field} patterns do not combine: {e.Message}", e);
        }
    }
}
