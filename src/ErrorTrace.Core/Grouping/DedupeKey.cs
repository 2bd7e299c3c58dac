namespace ErrorTrace.Core.Grouping;

/// <summary>
/// A stable, readable key: <c>{scope}:{first words}:{hash}</c>, e.g. <c>main:training_failed_with_error_cuda:3fa2b1c9</c>.
/// The words make it readable in a URL or a log; the fingerprint's hash makes it unique. Same error, same key, in
/// every run of the same code.
/// </summary>
internal static class DedupeKey
{
    private const int MaxWords = 5;
    private const int MaxScope = 32;

    public static string For(string scope, string maskedMessage, ulong fingerprint)
    {
        var key = new System.Text.StringBuilder();
        AppendSlug(key, scope, 1, MaxScope);
        key.Append(':');
        AppendSlug(key, maskedMessage, MaxWords, 60);
        key.Append(':').Append(((uint)(fingerprint ^ (fingerprint >> 32))).ToString("x8", System.Globalization.CultureInfo.InvariantCulture));
        return key.ToString();
    }

    /// <summary>Lower-case words of letters only; placeholders such as <c>&lt;num&gt;</c> are skipped.</summary>
    private static void AppendSlug(System.Text.StringBuilder key, string text, int maxWords, int maxChars)
    {
        var start = key.Length;
        var words = 0;
        var i = 0;
        while (i < text.Length && words < maxWords && key.Length - start < maxChars)
        {
            if (text[i] == '<')
            {
                var close = text.IndexOf('>', i);
                if (close > i && close - i < 12)
                {
                    i = close + 1;
                    continue;
                }
            }

            if (!char.IsAsciiLetter(text[i]))
            {
                i++;
                continue;
            }

            if (words > 0) key.Append('_');
            while (i < text.Length && char.IsAsciiLetter(text[i])) key.Append(char.ToLowerInvariant(text[i++]));
            words++;
        }

        if (key.Length == start) key.Append("event");
    }
}
