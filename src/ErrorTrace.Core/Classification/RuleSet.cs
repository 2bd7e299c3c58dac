using System.Collections.Frozen;

namespace ErrorTrace.Core.Classification;

/// <summary>
/// An ordered list of classification rules and the categories they name. The first rule that holds
/// decides. <see cref="Default"/> holds the built-in rules (<c>rules.json</c>); <see cref="LoadFile"/>
/// puts a user's rules in front of them.
/// </summary>
public sealed class RuleSet
{
    private const string ResourceName = "ErrorTrace.Core.rules.json";
    private static readonly Lazy<RuleSet> s_default = new(LoadDefault);

    internal RuleSet(IReadOnlyList<ClassificationRule> rules, FrozenDictionary<string, FailureCategory> categories, InAppRules frames)
    {
        Rules = rules;
        Categories = categories;
        Frames = frames;
    }

    /// <summary>The built-in rules.</summary>
    public static RuleSet Default => s_default.Value;

    internal IReadOnlyList<ClassificationRule> Rules { get; }

    /// <summary>True when the rule named <paramref name="id"/> is <see cref="ClassificationRule.Fatal"/>.</summary>
    internal bool IsFatal(string? id) => id is not null && Rules.Any(r => r.Fatal && string.Equals(r.Id, id, StringComparison.Ordinal));

    internal FrozenDictionary<string, FailureCategory> Categories { get; }

    /// <summary>Which frames are library code: the one definition behind every frame's <c>in_app</c>.</summary>
    internal InAppRules Frames { get; }

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
