using System.Text.Json;

namespace ErrorTrace.Accuracy.Learned;

/// <summary>
/// How broad each built-in rule is, read from this checkout's rules file, for the reach experiments (may the model
/// overrule a rule?): a rule that names an exception type or a signal and nothing else (<c>types</c>, <c>signals</c>,
/// with only exclusions beside them) says what was raised, not why; a <c>medium</c> rule says itself it may be wrong.
/// </summary>
internal static class RuleBreadth
{
    private const string RulesFile = "src/ErrorTrace.Core/Classification/rules.json";

    /// <summary>The match keys that only narrow what a type or signal rule reads.</summary>
    private static readonly string[] s_exclusions = ["not_message", "not_types"];

    private static readonly Lazy<Dictionary<string, (string Confidence, bool TypeOnly)>> s_rules = new(Load);

    /// <summary>Whether a rule of <paramref name="id"/> may be overruled under <paramref name="reach"/>: <c>typeonly</c>,
    /// <c>medium</c>, <c>medium+typeonly</c> (either), <c>any</c> (every rule); never a rule this file does not know.</summary>
    public static bool Reaches(string? id, string reach)
    {
        if (id is null || !s_rules.Value.TryGetValue(id, out var rule)) return false;
        return reach switch
        {
            "typeonly" => rule.TypeOnly,
            "medium" => rule.Confidence == "medium",
            "medium+typeonly" => rule.TypeOnly || rule.Confidence == "medium",
            "any" => true,
            _ => false,
        };
    }

    private static Dictionary<string, (string, bool)> Load()
    {
        var map = new Dictionary<string, (string, bool)>(StringComparer.Ordinal);
        if (!File.Exists(RulesFile)) return map;
        using var doc = JsonDocument.Parse(File.ReadAllText(RulesFile));
        foreach (var rule in doc.RootElement.GetProperty("rules").EnumerateArray())
        {
            if (!rule.TryGetProperty("id", out var id) || !rule.TryGetProperty("confidence", out var level)) continue;
            var keys = rule.TryGetProperty("match", out var match) ? match.EnumerateObject().Select(p => p.Name).ToList() : [];
            var typeOnly = keys.Any(k => k is "types" or "signals") && keys.All(k => k is "types" or "signals" || s_exclusions.Contains(k));
            map[id.GetString()!] = (level.GetString()!, typeOnly);
        }

        return map;
    }
}
