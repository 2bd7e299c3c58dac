using System.Text.RegularExpressions;
using ErrorTrace.Core.Reports;

namespace ErrorTrace.Core.Classification;

/// <summary>
/// "The failing line itself names what the message complains about": a regex over the message captures a
/// <c>name</c> (the keyword of "got an unexpected keyword argument 'num_items_in_batch'"), and the innermost frame's
/// source line must contain that name as a word. It tells who chose the name: a library line that passes
/// <c>num_items_in_batch=</c> by name chose it itself, while <c>forward_call(*args, **kwargs)</c> only passes on what the
/// user gave.
/// </summary>
internal sealed class MessageNameInCode
{
    private readonly Regex _message;

    private MessageNameInCode(Regex message) => _message = message;

    /// <exception cref="ArgumentException">A bad regex, or one without a <c>(?&lt;name&gt;…)</c> group.</exception>
    public static MessageNameInCode? Create(IReadOnlyList<string>? patterns, string field)
    {
        if (RegexFactory.Combine(patterns, field) is not { } regex) return null;
        if (!regex.GetGroupNames().Contains("name", StringComparer.Ordinal))
            throw new ArgumentException($"{field} patterns must capture the name to look for in a group (?<name>...)");
        return new MessageNameInCode(regex);
    }

    public bool Matches(string message, IReadOnlyList<TracebackFrame> frames)
    {
        if (frames.Count == 0 || frames[^1].Code is not { Length: > 0 } code || string.IsNullOrEmpty(message)) return false;
        Match match;
        try
        {
            match = _message.Match(message, 0, Math.Min(message.Length, TextMatcher.MaxRegexChars));
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }

        return match.Groups["name"] is { Success: true, Length: > 0 } name && ContainsWord(code, name.ValueSpan);
    }

    private static bool ContainsWord(string text, ReadOnlySpan<char> word)
    {
        var span = text.AsSpan();
        for (var start = 0; start <= span.Length - word.Length;)
        {
            var at = span[start..].IndexOf(word, StringComparison.Ordinal);
            if (at < 0) return false;
            at += start;
            var end = at + word.Length;
            if ((at == 0 || !IsWordChar(span[at - 1])) && (end == span.Length || !IsWordChar(span[end]))) return true;
            start = at + 1;
        }

        return false;
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '_';
}
