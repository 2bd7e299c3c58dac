namespace ErrorTrace.Server.Redaction;

/// <summary>Applies <see cref="RedactionRules.All"/> to a string, in order.</summary>
internal static class Redactor
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
