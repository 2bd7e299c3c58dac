using System.Text.RegularExpressions;

namespace ErrorTrace.Accuracy.Learned;

/// <summary>
/// What the rules said about a batch's cases when it was scored before fixing, read back from its record
/// (docs/accuracy/&lt;batch&gt;.md): every case whose category was wrong is listed with the category and the rule that
/// decided; every other case of the batch got its label. This is the honest "rules" answer on logs they had not seen.
/// </summary>
internal static partial class BeforeFixing
{
    /// <summary>A miss: the category reported and the rule id (null when the record says "(none)").</summary>
    public readonly record struct Miss(string Category, string? RuleId);

    /// <summary>The records tried, first found wins: the rules alone at the start engine (<c>l1-start-engine.md</c>,
    /// <c>m3-start-rules.md</c>) before the batch's own record, which from l1 on was scored with the default
    /// <c>rules+learned</c>: its misses then name the old model (<c>learned</c>), not the rules the fallback falls back from.</summary>
    private static readonly string[] s_suffixes = ["-start-rules.md", "-start-engine.md", ".md"];

    /// <summary>The category misses of <paramref name="batch"/> by slug, or null when the batch has no record.</summary>
    public static Dictionary<string, Miss>? Misses(string? dir, string batch)
    {
        var path = dir is null ? null : s_suffixes.Select(s => Path.Combine(dir, batch + s)).FirstOrDefault(File.Exists);
        if (path is null) return null;
        var misses = new Dictionary<string, Miss>(StringComparer.Ordinal);
        foreach (Match row in MissRow().Matches(File.ReadAllText(path)))
        {
            var rule = row.Groups["rule"].Success ? row.Groups["rule"].Value : null;
            misses[row.Groups["slug"].Value] = new Miss(row.Groups["got"].Value, rule);
        }

        return misses;
    }

    [GeneratedRegex(@"^\| \[(?<slug>[^\]]+)\]\([^)]*\) \| category: expected [a-z_]+, got (?<got>[a-z_]+|\(no analysis\))[^|]*\| (?:`(?<rule>[^`]+)`|\(none\)) \|", RegexOptions.Multiline)]
    private static partial Regex MissRow();
}
