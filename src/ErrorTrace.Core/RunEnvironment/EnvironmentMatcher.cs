using ErrorTrace.Core.Reports;

namespace ErrorTrace.Core.RunEnvironment;

/// <summary>Applies <see cref="EnvironmentRules"/> to one line of text: for each needle in it, the rules of that needle
/// whose key has no value yet (every launcher is kept).</summary>
internal static class EnvironmentMatcher
{
    public static void Match(string text, long line, Dictionary<string, EnvironmentTag> found, Action<string, long> addLauncher)
    {
        var tried = 0UL;
        var span = text.AsSpan();
        var from = 0;
        while (from < span.Length)
        {
            var at = span[from..].IndexOfAny(EnvironmentRules.NeedleSearch);
            if (at < 0) return;
            at += from;
            foreach (var needle in EnvironmentRules.Needles)
            {
                if (!span[at..].StartsWith(needle, StringComparison.Ordinal)) continue;
                foreach (var rule in EnvironmentRules.ByNeedle[needle])
                {
                    var bit = 1UL << (EnvironmentRules.IndexOf(rule) & 63);
                    if ((tried & bit) != 0) continue;
                    tried |= bit;
                    Apply(rule, text, line, found, addLauncher);
                }
            }

            from = at + 1;
        }
    }

    private static void Apply(EnvironmentRule rule, string text, long line, Dictionary<string, EnvironmentTag> found, Action<string, long> addLauncher)
    {
        if (rule.Pattern is null)
        {
            if (rule.Key == "launcher" && rule.Fixed is not null) addLauncher(rule.Fixed, line);
            return;
        }

        if (found.ContainsKey(rule.Key)) return;
        var match = rule.Pattern.Match(text);
        if (!match.Success) return;
        var value = match.Groups["v"].Value.Trim();
        if (rule.Convert is not null) value = rule.Convert(value) ?? "";
        if (value.Length == 0) return;
        if (value.Length > EnvironmentLimits.MaxValueChars) value = value[..EnvironmentLimits.MaxValueChars];
        found[rule.Key] = new EnvironmentTag(rule.Key, value, line);
    }
}
