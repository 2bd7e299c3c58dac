namespace ErrorTrace.Core.Redaction;

/// <summary>Applies <see cref="RedactionRules"/> to a string, in order. Used on every surface that shows log or database
/// text (the service's reports and job list, the CLI's text, JSON and Markdown), and by the engine on any text before
/// it is cut short (evidence lines, summaries), since a cut secret no longer has the shape its rule recognises.</summary>
public static class Redactor
{
    public static string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var rule in RedactionRules.All)
        {
            if (rule.Pattern.IsMatch(text)) text = rule.Pattern.Replace(text, rule.Replacement);
        }

        return text;
    }

    public static string? RedactOrNull(string? text) => text is null ? null : Redact(text);
}
