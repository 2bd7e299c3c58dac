using System.Collections.Frozen;

namespace ErrorTrace.Core.Classification;

/// <summary>
/// A rules file compiled: the ordered classification rules, the categories they name (with their suggestions), the
/// wording families, the phase hints, the scoring fallback's signals and the library-frame patterns.
/// <see cref="Default"/> holds the built-in ones (<c>rules.json</c>); <see cref="LoadFile"/> puts a user's in front of them.
/// </summary>
public sealed class RuleSet
{
    private const string ResourceName = "ErrorTrace.Core.rules.json";
    private static readonly Lazy<RuleSet> s_default = new(LoadDefault);

    internal RuleSet()
    {
    }

    /// <summary>The built-in rules.</summary>
    public static RuleSet Default => s_default.Value;

    internal IReadOnlyList<ClassificationRule> Rules { get; init; } = [];

    /// <summary>True when the rule named <paramref name="id"/> is <see cref="ClassificationRule.Fatal"/>.</summary>
    internal bool IsFatal(string? id) => id is not null && Rules.Any(r => r.Fatal && string.Equals(r.Id, id, StringComparison.Ordinal));

    internal FrozenDictionary<string, FailureCategory> Categories { get; init; } = FrozenDictionary<string, FailureCategory>.Empty;

    /// <summary>Which frames are library code: the one definition behind every frame's <c>in_app</c>.</summary>
    internal InAppRules Frames { get; init; } = InAppRules.None;

    internal WordingTable Wordings { get; init; } = WordingTable.Empty;

    internal PhaseRules Phases { get; init; } = PhaseRules.None;

    internal EvidenceScoring Scoring { get; init; } = EvidenceScoring.None;

    /// <summary>The user's rules from <paramref name="path"/>, then the built-in ones.</summary>
    /// <exception cref="RuleSetException">The file cannot be read or is not a valid rules file.</exception>
    public static RuleSet LoadFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new RuleSetException(path, null, null, $"cannot read the rules file: {e.Message}", e);
        }

        return RuleSetLoader.Parse(json, path, Default);
    }

    private static RuleSet LoadDefault()
    {
        using var stream = typeof(RuleSet).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing from the build.");
        var utf8 = new byte[stream.Length];
        stream.ReadExactly(utf8);
        return RuleSetLoader.ParseBuiltIn(utf8, "rules.json (built-in)");
    }
}
