using System.Globalization;
using System.Text;

namespace ErrorTrace.Accuracy.Scoring;

/// <summary>The Markdown document of one scoring run: what was scored, with which build, and every table.</summary>
public static class ScoreRecord
{
    public static string Render(string title, string build, DateTimeOffset when, IReadOnlyList<CaseScore> scores, string? preface)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var md = new StringBuilder();
        md.Append("# ").AppendLine(title).AppendLine();
        if (!string.IsNullOrWhiteSpace(preface)) md.AppendLine(preface).AppendLine();
        md.Append("- scored: ").AppendLine(when.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture));
        md.Append("- engine: ").AppendLine(build);
        md.Append("- cases: ").Append(scores.Count).Append(" (")
            .Append(string.Join(", ", scores.GroupBy(s => s.Case.Expected.Category).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => $"{g.Key} {g.Count()}")))
            .AppendLine(")").AppendLine();
        ScoreTable.Totals(md, scores);
        if (scores.Select(s => s.Case.Batch).Distinct().Skip(1).Any())
        {
            md.AppendLine().AppendLine("## Per batch").AppendLine();
            ScoreTable.ByBatch(md, scores);
        }

        md.AppendLine().AppendLine("## Per expected category").AppendLine();
        ScoreTable.ByCategory(md, scores);
        md.AppendLine().AppendLine("## Confusion: expert label (rows) against the engine's category (columns)").AppendLine();
        ScoreTable.Confusion(md, scores);
        md.AppendLine().AppendLine("## Per rule that decided the category").AppendLine();
        ScoreTable.ByRule(md, scores);
        md.AppendLine().AppendLine("## Cases not right in every field").AppendLine();
        ScoreTable.Misses(md, scores);
        return md.ToString();
    }

    /// <summary>Lines for <c>RealLogPending</c>'s table: each case that is not right in every field, with what differs.</summary>
    public static string PendingLines(IEnumerable<CaseScore> scores) =>
        string.Concat(scores.Where(s => !s.AllRight).Select(s =>
            $"        [\"{s.Case.Slug}\"] = \"batch {s.Case.Batch}, scored before fixing: {string.Join("; ", s.Problems()).Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "'", StringComparison.Ordinal)}\",{Environment.NewLine}"));
}
