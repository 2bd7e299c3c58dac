using System.Text.RegularExpressions;

namespace ErrorTrace.Core.Classification;

/// <summary>
/// Builds the rules' regexes: the interpreted backtracking engine, bounded by <see cref="MatchTimeout"/> so a
/// hostile 64 KB message cannot make a rule backtrack for long (a timeout counts as no match). Not NonBacktracking:
/// its symbolic automata cost ~45 MiB and 0.3 s to build for the built-in rules, a fixed price on every report
/// that broke the engine's memory budget.
/// </summary>
internal static class RegexFactory
{
    /// <summary>A rule regex on a 64 KB message takes microseconds; two seconds is only reached by a pathological pattern.
    /// Not less: the clock runs while the thread waits for a core and while the regex interpreter is JIT-compiled on first
    /// use, so a tenth of a second timed out on a starved machine (load 40 on two cores) and made the same log classify
    /// differently from run to run (a flaky property test showed it).</summary>
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(2);

    /// <summary>The rules' regexes are case-insensitive, culture-invariant, line-anchored and capture nothing by number.</summary>
    public const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant |
        RegexOptions.Multiline | RegexOptions.ExplicitCapture;

    [ThreadStatic]
    private static bool t_deferring;

    /// <summary>True while the built-in rules load: <see cref="RegexAlternatives"/> then builds its regexes on first use
    /// instead of checking them now (a test loads the built-in file as a user's file, which checks every pattern).</summary>
    public static bool Deferring => t_deferring;

    /// <summary>Runs <paramref name="load"/> with <see cref="Deferring"/> on (on this thread).</summary>
    public static T Deferred<T>(Func<T> load)
    {
        var outer = t_deferring;
        t_deferring = true;
        try
        {
            return load();
        }
        finally
        {
            t_deferring = outer;
        }
    }

    /// <summary>The index of the first match, or -1 (also when the match timed out).</summary>
    public static int FirstMatch(Regex regex, ReadOnlySpan<char> text)
    {
        try
        {
            foreach (var match in regex.EnumerateMatches(text)) return match.Index;
        }
        catch (RegexMatchTimeoutException)
        {
        }

        return -1;
    }

    /// <summary>One regex for all the patterns of a condition: a single linear scan per message.</summary>
    /// <exception cref="ArgumentException">A pattern does not parse or uses an unsupported construct.</exception>
    public static Regex? Combine(IReadOnlyList<string>? patterns, string field) => Combine(patterns, field, Options);

    /// <summary>As <see cref="Combine(IReadOnlyList{string}?, string)"/> with other options (paths are case-sensitive).</summary>
    public static Regex? Combine(IReadOnlyList<string>? patterns, string field, RegexOptions options)
    {
        if (patterns is null || patterns.Count == 0) return null;
        foreach (var pattern in patterns)
        {
            if (string.IsNullOrEmpty(pattern)) throw new ArgumentException($"{field} has an empty pattern");
        }

        var combined = patterns.Count == 1 ? patterns[0] : string.Join('|', patterns.Select(p => $"(?:{p})"));
        try
        {
            return new Regex(combined, options, MatchTimeout);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            // Name the culprit rather than the combined pattern the user never wrote.
            foreach (var pattern in patterns)
            {
                try
                {
                    _ = new Regex(pattern, options, MatchTimeout);
                }
                catch (Exception inner) when (inner is ArgumentException or NotSupportedException)
                {
                    throw new ArgumentException($"{field} pattern '{pattern}' is not a usable .NET regex: {inner.Message}", inner);
                }
            }

            throw new ArgumentException($"{field} patterns do not combine: {e.Message}", e);
        }
    }
}
