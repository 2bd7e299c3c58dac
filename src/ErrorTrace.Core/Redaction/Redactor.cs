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

    /// <summary>Characters beyond a cut that are redacted with its head: longer than any token shape the rules know, so a
    /// secret that straddles the cut is seen whole (a private key block longer than this is masked to the window's end).</summary>
    public const int CutWindowChars = 1024;

    /// <summary>The first <paramref name="keep"/> + <see cref="CutWindowChars"/> characters of <paramref name="text"/>,
    /// redacted: what a caller about to cut at <paramref name="keep"/> needs, at a cost that does not grow with the text.</summary>
    public static string RedactHead(string text, int keep)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Redact(text.Length <= keep + CutWindowChars ? text : text[..(keep + CutWindowChars)]);
    }
}
