using System.Text;
using System.Text.RegularExpressions;
using ErrorTrace.Core.Analysis;
using ErrorTrace.Core.Grouping;

namespace ErrorTrace.Core.Fleet;

/// <summary>
/// How a failure's message becomes the part of its signature that jobs share. Named rules, in order, each with what it
/// may wrongly merge or split:
/// <list type="number">
/// <item><c>first-line</c> and the grouping masks (<see cref="Parameterizer"/>: uuids, dates, addresses, temp paths,
/// quoted values, hex ids, durations, numbers): a job's own values never split a signature.</item>
/// <item><c>size</c>: a masked number with a byte unit (<c>&lt;num&gt; GiB</c>) is <c>&lt;size&gt;</c>, so an OOM that
/// asked for 20 MiB and one that asked for 2 GiB are one failure.</item>
/// <item><c>first-sentence</c>: only the first sentence of a long message. PyTorch's OOM goes on with a memory summary
/// whose clauses depend on its version and on other processes on the GPU ("Process 1234 has…"); the mechanism is in the
/// first sentence. May merge two messages that differ only after their first sentence (rare in exception texts).</item>
/// <item><c>whitespace</c> and <c>length</c>: runs of spaces are one, and at most <see cref="MaxMessageChars"/> are kept.</item>
/// </list>
/// </summary>
internal static partial class SignatureText
{
    /// <summary>Long enough for any exception's first sentence; beyond it a message is detail (and a bigger hash input).</summary>
    public const int MaxMessageChars = 200;

    /// <summary>A first sentence shorter than this ("Error.", "Failed!") says too little to stand alone.</summary>
    public const int MinSentenceChars = 16;

    /// <summary>The shared part of <paramref name="message"/>.</summary>
    public static string Message(string? message)
    {
        if (string.IsNullOrWhiteSpace(message)) return "";
        var buffer = new char[Math.Min(message.Length * 2 + 32, EngineLimits.MaxMessageChars)];
        var masked = new string(buffer, 0, Parameterizer.Mask(message, buffer));
        masked = Size().Replace(masked, "<size>");
        masked = FirstSentence(masked);
        masked = Spaces().Replace(masked, " ").Trim();
        return masked.Length <= MaxMessageChars ? masked : masked[..MaxMessageChars].TrimEnd();
    }

    /// <summary><c>torch.OutOfMemoryError</c> as printed; <c>__main__.</c> (CPython up to 3.10) dropped, so one script's
    /// exception reads the same on every Python.</summary>
    public static string ExceptionType(string? type)
    {
        var t = (type ?? "").Trim();
        return t.StartsWith("__main__.", StringComparison.Ordinal) ? t["__main__.".Length..] : t;
    }

    /// <summary>The type without its module path: <c>OutOfMemoryError</c>, for titles.</summary>
    public static string ShortType(string type)
    {
        var dot = type.LastIndexOf('.');
        return dot >= 0 && dot < type.Length - 1 ? type[(dot + 1)..] : type;
    }

    /// <summary>The text hashed into a signature id: components joined by a separator no component contains.</summary>
    public static string Join(IEnumerable<string> parts)
    {
        var text = new StringBuilder();
        foreach (var part in parts) text.Append(part.Replace('\u001f', ' ')).Append('\u001f');
        return text.ToString();
    }

    private static string FirstSentence(string text)
    {
        for (var i = MinSentenceChars; i < text.Length - 1; i++)
        {
            if (text[i] is '.' or '!' or '?' && text[i + 1] == ' ' && !char.IsAsciiDigit(text[i - 1])) return text[..(i + 1)];
        }

        return text;
    }

    [GeneratedRegex(@"<num> ?(?:[KMGTP]i?B|bytes|B)\b")]
    private static partial Regex Size();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
