using System.Globalization;
using System.Text;

namespace ErrorTrace.Accuracy.Scoring;

/// <summary>Markdown tables of a set of scores: the totals, per batch, per expected category, the confusion of
/// categories and the misses. Every figure is a count of cases and its share; nothing is weighted.</summary>
public static class ScoreTable
{
    public static void Totals(StringBuilder md, IReadOnlyList<CaseScore> scores)
    {
        ArgumentNullException.ThrowIfNull(md);
        md.AppendLine("| measure | right | cases | accuracy |");
        md.AppendLine("|---|---:|---:|---:|");
        Row(md, "category", scores.Count(s => s.CategoryRight), scores.Count);
        Row(md, "root exception type", scores.Count(s => s.TypeRight), scores.Count);
        Row(md, "innermost frame", scores.Count(s => s.FrameRight), scores.Count);
        Row(md, "all three", scores.Count(s => s.AllRight), scores.Count);
    }

    public static void ByBatch(StringBuilder md, IReadOnlyList<CaseScore> scores)
    {
        ArgumentNullException.ThrowIfNull(md);
        md.AppendLine("| batch | cases | category | root exception type | innermost frame |");
        md.AppendLine("|---|---:|---:|---:|---:|");
        foreach (var group in scores.GroupBy(s => s.Case.Batch).OrderBy(g => g.Key, StringComparer.Ordinal))
            Shares(md, group.Key, [.. group]);
    }

    public static void ByCategory(StringBuilder md, IReadOnlyList<CaseScore> scores)
    {
        ArgumentNullException.ThrowIfNull(md);
        md.AppendLine("| expected category | cases | category | root exception type | innermost frame |");
        md.AppendLine("|---|---:|---:|---:|---:|");
        foreach (var group in scores.GroupBy(s => s.Case.Expected.Category).OrderBy(g => g.Key, StringComparer.Ordinal))
            Shares(md, group.Key, [.. group]);
    }

    /// <summary>Rows: the label; columns: what the engine said. Only categories that occur get a column.</summary>
    public static void Confusion(StringBuilder md, IReadOnlyList<CaseScore> scores)
    {
        ArgumentNullException.ThrowIfNull(md);
        var columns = scores.Select(s => s.ActualCategory).Distinct().Order(StringComparer.Ordinal).ToList();
        md.Append("| expected \\ reported |");
        foreach (var column in columns) md.Append(' ').Append(column).Append(" |");
        md.AppendLine();
        md.Append("|---|").AppendLine(string.Concat(Enumerable.Repeat("---:|", columns.Count)));
        foreach (var row in scores.GroupBy(s => s.Case.Expected.Category).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            md.Append("| ").Append(row.Key).Append(" |");
            foreach (var column in columns)
            {
                var n = row.Count(s => s.ActualCategory == column);
                md.Append(' ').Append(n == 0 ? "" : column == row.Key ? $"**{n}**" : n.ToString(CultureInfo.InvariantCulture)).Append(" |");
            }

            md.AppendLine();
        }
    }

    /// <summary>Which rule decided the category, how often, and how often it was right: a rule that decides many
    /// held-out logs and is often wrong describes its fixtures, not a mechanism. Rows by cases decided, most first;
    /// <c>(none)</c> is the logs no rule (and no fallback) decided.</summary>
    public static void ByRule(StringBuilder md, IReadOnlyList<CaseScore> scores)
    {
        ArgumentNullException.ThrowIfNull(md);
        md.AppendLine("| rule that decided | cases | category right | precision | most common label when wrong |");
        md.AppendLine("|---|---:|---:|---:|---|");
        foreach (var group in scores.GroupBy(s => s.ActualRuleId ?? "(none)")
                     .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal))
        {
            var right = group.Count(s => s.CategoryRight);
            var wrongLabel = group.Where(s => !s.CategoryRight).GroupBy(s => s.Case.Expected.Category)
                .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => $"{g.Key} ({g.Count()})").FirstOrDefault() ?? "";
            md.Append("| ").Append(group.Key == "(none)" ? "(none)" : "`" + group.Key + "`").Append(" | ").Append(group.Count())
                .Append(" | ").Append(right).Append(" | ").Append(Percent(right, group.Count())).Append(" | ")
                .Append(wrongLabel).AppendLine(" |");
        }
    }

    public static void Misses(StringBuilder md, IReadOnlyList<CaseScore> scores)
    {
        ArgumentNullException.ThrowIfNull(md);
        var misses = scores.Where(s => !s.AllRight).ToList();
        if (misses.Count == 0)
        {
            md.AppendLine("None.");
            return;
        }

        md.AppendLine("| case | what differs | rule that decided |");
        md.AppendLine("|---|---|---|");
        foreach (var s in misses)
        {
            md.Append("| [").Append(s.Case.Slug).Append("](").Append(s.Case.SourceUrl).Append(") | ")
                .Append(Cell(string.Join("; ", s.Problems()))).Append(" | ")
                .Append(s.ActualRuleId is null ? "(none)" : "`" + s.ActualRuleId + "`").AppendLine(" |");
        }
    }

    public static string Percent(int right, int total) =>
        total == 0 ? "-" : (100.0 * right / total).ToString("0.0", CultureInfo.InvariantCulture) + " %";

    private static void Row(StringBuilder md, string measure, int right, int total) =>
        md.Append("| ").Append(measure).Append(" | ").Append(right).Append(" | ").Append(total).Append(" | ")
            .Append(Percent(right, total)).AppendLine(" |");

    private static void Shares(StringBuilder md, string label, List<CaseScore> group) =>
        md.Append("| ").Append(label).Append(" | ").Append(group.Count)
            .Append(" | ").Append(Fraction(group.Count(s => s.CategoryRight), group.Count))
            .Append(" | ").Append(Fraction(group.Count(s => s.TypeRight), group.Count))
            .Append(" | ").Append(Fraction(group.Count(s => s.FrameRight), group.Count)).AppendLine(" |");

    private static string Fraction(int right, int total) => $"{right} ({Percent(right, total)})";

    /// <summary>Pipes and newlines would break the table.</summary>
    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");
}
