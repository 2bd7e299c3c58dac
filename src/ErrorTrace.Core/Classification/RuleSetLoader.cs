using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;

namespace ErrorTrace.Core.Classification;

/// <summary>Reads and validates a rules file. Every problem names the file, the rule and what is wrong.</summary>
internal static class RuleSetLoader
{
    /// <summary>Parses <paramref name="json"/>; its rules come before <paramref name="defaults"/>' rules.</summary>
    public static RuleSet Parse(string json, string source, RuleSet? defaults)
    {
        RulesDocument? document;
        try
        {
            document = JsonSerializer.Deserialize(json, RulesJsonContext.Default.RulesDocument);
        }
        catch (JsonException e)
        {
            throw new RuleSetException(source, RuleIndexOf(e.Path), null, $"not a valid rules file: {e.Message}", e);
        }

        if (document is null) throw new RuleSetException(source, null, null, "the file holds 'null', expected an object with \"rules\"");
        return Build(document, source, defaults);
    }

    /// <summary>The built-in file, read by <see cref="RulesDocumentReader"/> (see there for why). Its regexes are built
    /// when first read (<see cref="RegexFactory.Deferred"/>): the file is checked by the tests, not at every start.</summary>
    public static RuleSet ParseBuiltIn(ReadOnlySpan<byte> utf8, string source)
    {
        var document = RulesDocumentReader.Read(utf8);
        return RegexFactory.Deferred(() => Build(document, source, defaults: null));
    }

    private static RuleSet Build(RulesDocument document, string source, RuleSet? defaults)
    {
        InAppRules frames;
        WordingTable wordings;
        try
        {
            frames = InAppRules.Create(document.Frames, defaults?.Frames);
            wordings = WordingTable.Create(document.Wordings, defaults?.Wordings);
        }
        catch (ArgumentException e)
        {
            throw new RuleSetException(source, null, null, e.Message, e);
        }

        var categories = ReadCategories(document, source, defaults, wordings);
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var rule in defaults?.Rules ?? []) ids[rule.Id] = "a built-in rule";

        var rules = new List<ClassificationRule>();
        var documents = document.Rules ?? [];
        for (var i = 0; i < documents.Count; i++)
        {
            var rule = RuleBuilder.Build(documents[i], new RuleBuilder.Site(source, i), categories, wordings);
            if (ids.TryGetValue(rule.Id, out var owner))
                throw new RuleSetException(source, i, rule.Id, $"duplicate id: {owner} already has it; ids must be unique so rule_id names one rule");
            ids[rule.Id] = $"rules[{i}]";
            rules.Add(rule);
        }

        if (defaults is null && rules.Count == 0) throw new RuleSetException(source, null, null, "no rules");
        return new RuleSet
        {
            Rules = [.. rules, .. defaults?.Rules ?? []],
            Categories = categories,
            Frames = frames,
            Wordings = wordings,
            Phases = PhaseHintBuilder.Build(document.Phases, source, defaults?.Phases),
            Scoring = ScoringBuilder.Build(document.Scoring, source, categories, wordings, defaults?.Scoring),
        };
    }

    private static FrozenDictionary<string, FailureCategory> ReadCategories(RulesDocument document, string source, RuleSet? defaults, WordingTable wordings)
    {
        var categories = new Dictionary<string, FailureCategory>(StringComparer.Ordinal);
        foreach (var (name, category) in defaults?.Categories ?? FrozenDictionary<string, FailureCategory>.Empty)
            categories[name] = category;

        foreach (var (name, category) in document.Categories ?? [])
        {
            if (string.IsNullOrWhiteSpace(name)) throw new RuleSetException(source, null, null, "a category has an empty name");
            if (string.IsNullOrWhiteSpace(category.Description))
                throw new RuleSetException(source, null, null, $"category '{name}' needs a \"description\"");
            var phase = category.Phase ?? ErrorPhase.Unknown;
            if (!ErrorPhase.IsKnown(phase))
                throw new RuleSetException(source, null, null, $"category '{name}' has phase '{phase}'; expected one of {string.Join(", ", ErrorPhase.All)}");
            try
            {
                var suggestions = (category.Suggestions ?? []).Select(s => Suggestion.Create(s, wordings, $"categories.{name}.suggestions")).ToList();
                categories[name] = new FailureCategory(name, category.Description, phase, suggestions);
            }
            catch (ArgumentException e)
            {
                throw new RuleSetException(source, null, null, e.Message, e);
            }
        }

        foreach (var name in FailureCategory.BuiltInNames)
        {
            if (!categories.ContainsKey(name)) throw new RuleSetException(source, null, null, $"built-in category '{name}' is not described");
        }

        return categories.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static int? RuleIndexOf(string? path)
    {
        // "$.rules[3].match" -> 3, so the exception can name the rule even for a JSON-level error.
        const string Prefix = "$.rules[";
        if (path is null || !path.StartsWith(Prefix, StringComparison.Ordinal)) return null;
        var end = path.IndexOf(']', Prefix.Length);
        return end > 0 && int.TryParse(path.AsSpan(Prefix.Length, end - Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            ? index
            : null;
    }
}
