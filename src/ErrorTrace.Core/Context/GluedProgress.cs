using System.Text.RegularExpressions;

namespace ErrorTrace.Core.Context;

/// <summary>
/// A progress bar the failure line was glued to: tqdm redraws its bar with <c>\r</c> and no newline, so a shell's
/// <c>Killed</c> or a launcher's <c>failed (exitcode: -9)</c> lands on the same physical line, after the bar's
/// <c>[elapsed&lt;remaining, rate]</c>. The line's message is what follows the bar; the bar says how far the job got.
/// Only lines a marker already matched ask (a handful per log), so a regular expression is fine here.
/// </summary>
internal static partial class GluedProgress
{
    /// <summary>The message after the bar, or the whole line when no bar precedes it.</summary>
    public static string Message(string line) => Bar().Match(line) is { Success: true } m ? m.Groups["rest"].Value : line;

    /// <summary>"Loading checkpoint shards 4/7 (57%), 00:40 elapsed" from a bar glued before the message, else null.</summary>
    public static string? Progress(string line)
    {
        if (Bar().Match(line) is not { Success: true } m) return null;
        var desc = m.Groups["desc"].Value.Trim().TrimEnd(':').Trim();
        var text = $"{m.Groups["n"].Value}/{m.Groups["total"].Value} ({m.Groups["pct"].Value}%)";
        if (desc.Length is > 0 and <= MaxDescriptionChars) text = desc + " " + text;
        if (m.Groups["elapsed"].Success) text += $", {m.Groups["elapsed"].Value} elapsed";
        return text;
    }

    /// <summary>A bar's description longer than this is other text glued before it, not a label.</summary>
    private const int MaxDescriptionChars = 60;

    // tqdm's format_meter: "{desc}: {pct:3.0f}%|{bar}| {n}/{total} [{elapsed}<{remaining}, {rate}]", or without the
    // bar in notebooks and logging redirects ("57% 4/7 [00:40<00:29, 9.96s/it]").
    [GeneratedRegex(@"^(?<desc>.{0,200}?)(?<pct>\d{1,3})%(?:\|[^|]{0,400}\|)?\s*(?<n>\d+(?:\.\d+)?[kMG]?)/(?<total>\d+(?:\.\d+)?[kMG]?)\s*\[(?:(?<elapsed>[\d:]+)<)?[^\]]{0,80}\]\s*(?<rest>\S.*)$", RegexOptions.ExplicitCapture)]
    private static partial Regex Bar();
}
