using System.Collections.Frozen;

namespace ErrorTrace.Core.Classification;

/// <summary>A suggestion's <c>when</c>: it holds when the log mentions one of the phrases or wordings anywhere the
/// classifier looked, or the report's phase is one of <see cref="Phases"/>. Any part may hold.</summary>
internal sealed class SuggestionCondition
{
    private SuggestionCondition(TextMatcher? mentions, FrozenSet<string>? phases)
    {
        Mentions = mentions;
        Phases = phases;
    }

    public TextMatcher? Mentions { get; }

    public FrozenSet<string>? Phases { get; }

    /// <exception cref="ArgumentException">An empty condition, an unknown wording or phase, or a bad regex.</exception>
    public static SuggestionCondition Create(WhenDocument when, WordingTable wordings, string field)
    {
        var (substrings, regexes) = wordings.Expand(when.Mentions, when.MentionsRegex, when.Wordings, field + ".when");
        var mentions = TextMatcher.Create(substrings, regexes, field + ".when.mentions");
        foreach (var phase in when.Phases ?? [])
        {
            if (!ErrorPhase.IsKnown(phase)) throw new ArgumentException($"{field}.when phase '{phase}' must be one of {string.Join(", ", ErrorPhase.All)}");
        }

        var phases = when.Phases is { Count: > 0 } p ? p.ToFrozenSet(StringComparer.Ordinal) : null;
        if (mentions is null && phases is null) throw new ArgumentException($"{field}.when needs mentions, mentions_regex, wordings or phases");
        return new SuggestionCondition(mentions, phases);
    }

    public bool Holds(IEnumerable<string> texts, string phase)
    {
        if (Phases is not null && Phases.Contains(phase)) return true;
        if (Mentions is null) return false;
        foreach (var text in texts)
        {
            if (Mentions.Matches(text)) return true;
        }

        return false;
    }
}
