using System.Globalization;
using System.IO.Hashing;
using System.Text;
using ErrorTrace.Core.Reports;

namespace ErrorTrace.Core.Fleet;

/// <summary>
/// Computes a report's <see cref="FailureSignature"/> from the report's own fields only (never from a table of today's
/// categories or rules, which change): the category, then the root failure's fingerprint —
/// <list type="bullet">
/// <item>a traceback or crash: its kind, exception type, the shared part of its message (<see cref="SignatureText"/>),
/// the types of the exceptions chained before it, and the user's frames (<see cref="SignatureFrames"/>);</item>
/// <item>a death by signal: the signal and the launcher's wording, masked the same way;</item>
/// <item>no failure printed but a deciding line (a watchdog timeout logged on its own): that line, masked;</item>
/// <item>nothing at all: the database's summary, masked, or "no log" when the log could not be read.</item>
/// </list>
/// Two jobs that died of the same CUDA OOM at different sizes share a signature; a GPU OOM and a host OOM differ in
/// category and type, so they never do.
/// </summary>
public static class FailureSignatures
{
    /// <summary>Titles are one line in a list; longer ones are cut with an ellipsis.</summary>
    public const int MaxTitleChars = 120;

    public static FailureSignature For(ErrorReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var category = Category(report.Analysis?.ErrorType);
        var parts = new List<string> { "v1", category };
        string type = "", title;
        if (report.Traceback is { } root)
        {
            type = SignatureText.ExceptionType(root.ExceptionType);
            var message = SignatureText.Message(root.ExceptionMessage);
            parts.Add(root.Kind);
            parts.Add(type);
            parts.Add(message);
            foreach (var link in root.Chain) parts.Add("chain:" + SignatureText.ExceptionType(link.ExceptionType));
            parts.AddRange(SignatureFrames.Of(root.Frames));
            // A death's launcher wording ("failed (exitcode: -6) local_rank: 1…") says little; the line that decided the
            // category ("Watchdog caught collective operation timeout…") says what happened.
            var shown = root.Kind == "signal" && report.Analysis is { Evidence.Count: > 0 } decided ? SignatureText.Message(decided.Evidence[0].Text) : message;
            title = Title(type.Length > 0 ? SignatureText.ShortType(type) : root.Kind, shown);
        }
        else if (report.Analysis is { } analysis && analysis.Evidence.Count > 0)
        {
            var line = SignatureText.Message(analysis.Evidence[0].Text);
            parts.Add("line");
            parts.Add(line);
            title = Title(null, line);
        }
        else if (report.Log is { Missing: true })
        {
            var summary = SignatureText.Message(report.ErrorSummary);
            parts.Add("no-log");
            parts.Add(summary);
            title = Title("Log missing", summary);
        }
        else
        {
            var summary = SignatureText.Message(report.ErrorSummary);
            parts.Add("summary");
            parts.Add(summary);
            title = Title(null, summary.Length > 0 ? summary : "No failure found in the log");
        }

        var hash = XxHash3.HashToUInt64(Encoding.UTF8.GetBytes(SignatureText.Join(parts)));
        return new FailureSignature($"{category}-{hash.ToString("x16", CultureInfo.InvariantCulture)}", category, type, title);
    }

    /// <summary>True for a well-formed signature id (a route parameter): a category of lower-case letters, digits and
    /// '_', a dash, 16 hex digits.</summary>
    public static bool IsValidId(string? id)
    {
        if (id is null || id.Length < 18 || id.Length > 81) return false;
        var dash = id.Length - 17;
        if (id[dash] != '-') return false;
        for (var i = 0; i < dash; i++)
        {
            if (!(char.IsAsciiLetterLower(id[i]) || char.IsAsciiDigit(id[i]) || id[i] == '_')) return false;
        }

        for (var i = dash + 1; i < id.Length; i++)
        {
            if (!char.IsAsciiHexDigitLower(id[i]) && !char.IsAsciiDigit(id[i])) return false;
        }

        return dash > 0;
    }

    /// <summary>A category as a signature prefix: lower case, letters, digits and '_' only (a classifier may add names).</summary>
    private static string Category(string? errorType)
    {
        if (string.IsNullOrWhiteSpace(errorType)) return "unknown";
        var name = new StringBuilder(Math.Min(errorType.Length, 64));
        foreach (var c in errorType.Trim().ToLowerInvariant())
        {
            if (name.Length == 64) break;
            name.Append(char.IsAsciiLetterOrDigit(c) ? c : '_');
        }

        return name.ToString();
    }

    /// <summary>The masks' <c>&lt;num&gt;</c> reads as <c>N</c> in a title; the other placeholders say what was there.</summary>
    private static string Title(string? head, string message)
    {
        message = message.Replace("<num>", "N", StringComparison.Ordinal);
        var text = head is null ? message : message.Length == 0 ? head : $"{head}: {message}";
        return text.Length <= MaxTitleChars ? text : text[..(MaxTitleChars - 1)].TrimEnd() + "…";
    }
}
