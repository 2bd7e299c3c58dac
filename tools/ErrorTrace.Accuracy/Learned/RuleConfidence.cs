using System.Text.Json;

namespace ErrorTrace.Accuracy.Learned;

/// <summary>Each built-in rule's confidence, read from this checkout's rules file, for the before-fixing records: they
/// name the rule that decided a miss, not its confidence (a rule's level rarely changes once written).</summary>
internal static class RuleConfidence
{
    private const string RulesFile = "src/ErrorTrace.Core/Classification/rules.json";

    private static readonly Lazy<Dictionary<string, string>> s_levels = new(Load);

    /// <summary>The confidence of rule <paramref name="id"/>, or null when unknown (no rule, a rule since removed).</summary>
    public static string? Of(string? id) => id is not null && s_levels.Value.TryGetValue(id, out var level) ? level : null;

    private static Dictionary<string, string> Load()
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!File.Exists(RulesFile)) return map;
        using var doc = JsonDocument.Parse(File.ReadAllText(RulesFile));
        foreach (var rule in doc.RootElement.GetProperty("rules").EnumerateArray())
        {
            if (rule.TryGetProperty("id", out var id) && rule.TryGetProperty("confidence", out var level)) map[id.GetString()!] = level.GetString()!;
        }

        return map;
    }
}
