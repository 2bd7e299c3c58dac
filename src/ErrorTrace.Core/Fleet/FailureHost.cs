using System.Text.RegularExpressions;
using ErrorTrace.Core.Reports;

namespace ErrorTrace.Core.Fleet;

/// <summary>
/// The machine a job died on, as its log names it. Tried in order, first match wins:
/// <list type="number">
/// <item><c>prefix</c>: the host a launcher prefix (pdsh's <c>worker-1: </c>, Ray's <c>ip=</c>) named on the lines that
/// printed the root failure — where it was raised, not guessed;</item>
/// <item><c>environment</c>: the report's <c>environment.hosts</c> when the log names exactly one host (a single-node
/// job's output prefixed by its launcher); with several, the log text below decides, or nothing — a wrong host would
/// make a healthy node a suspect;</item>
/// <item><c>torchelastic</c>: the <c>host : node-17</c> line of <c>ChildFailedError</c>'s root-cause table, in any
/// failure's text — the launcher's own account of which host's worker died first;</item>
/// <item><c>slurm</c>: <c>srun: error: node-17: task 3: Killed</c> and
/// <c>slurmstepd: error: *** STEP 12.0 ON node-17 CANCELLED</c> in the errors;</item>
/// <item><c>nccl</c>: the <c>node-17:2211:2290 [3] NCCL WARN</c> prefix of an NCCL warning in the errors.</item>
/// </list>
/// A platform that records the host in its jobs table can configure that column instead (the service prefers it).
/// Null when the log does not say.
/// </summary>
public static partial class FailureHost
{
    /// <summary>RFC 1123 labels are at most 63 characters; a fully qualified name is longer, so allow a few labels.</summary>
    public const int MaxHostChars = 128;

    /// <summary>Bounds a pathological line, like the rules' regexes (<c>RegexFactory.MatchTimeout</c>): generous, because
    /// the clock also runs while the thread waits for a core, and a starved machine must not lose a host it would find.</summary>
    private const int MatchTimeoutMilliseconds = 2_000;

    public static string? Of(ErrorReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (Clean(report.Traceback?.Host) is { } raisedOn) return raisedOn;
        if (report.Environment is { HostCount: 1, Hosts: [var only] } && Clean(only) is { } single) return single;
        try
        {
            IEnumerable<TracebackInfo> failures = report.Traceback is { } first ? [first, .. report.Tracebacks] : report.Tracebacks;
            foreach (var failure in failures)
            {
                // The table lists other workers' failures first; the root cause's host is the one after its heading.
                var root = failure.Raw.IndexOf("Root Cause", StringComparison.Ordinal);
                if (Found(TorchElastic(), root > 0 ? failure.Raw[root..] : failure.Raw) is { } host) return host;
            }

            foreach (var error in report.Errors)
            {
                if ((Found(Slurm(), error.Message) ?? Found(Nccl(), error.Message)) is { } host) return host;
            }
        }
        catch (RegexMatchTimeoutException)
        {
            // A pathological line: no host rather than an exception (reports are made from untrusted text).
        }

        return null;
    }

    private static string? Found(Regex pattern, string text) =>
        pattern.Match(text) is { Success: true } m ? Clean(m.Groups["h"].Value) : null;

    /// <summary>A plausible host name, or null (<c>&lt;N/A&gt;</c>, an empty table cell).</summary>
    public static string? Clean(string? value)
    {
        var host = value?.Trim();
        if (string.IsNullOrEmpty(host) || host.Length > MaxHostChars) return null;
        foreach (var c in host)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_')) return null;
        }

        return host;
    }

    [GeneratedRegex(@"^\s*host\s*:\s*(?<h>\S+)\s*$", RegexOptions.Multiline | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: MatchTimeoutMilliseconds)]
    private static partial Regex TorchElastic();

    [GeneratedRegex(@"(?:srun: error: (?<h>[\w.-]+): task|\bON (?<h>[\w.-]+) CANCELLED)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: MatchTimeoutMilliseconds)]
    private static partial Regex Slurm();

    [GeneratedRegex(@"^(?<h>[\w.-]+):\d+:\d+ \[\d+\] NCCL (?:WARN|INFO)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: MatchTimeoutMilliseconds)]
    private static partial Regex Nccl();
}
