using ErrorTrace.Core.Markers;
using ErrorTrace.Core.Reports;

namespace ErrorTrace.Core.Analysis;

/// <summary>
/// torchelastic's <c>ChildFailedError</c> message is a table; its "Root Cause (first observed failure)" block names the
/// rank and exit code of the child that died first:
/// <code>
/// Root Cause (first observed failure):
/// [0]:
///   time      : 2024-01-01_12:00:00
///   host      : node-1
///   rank      : 3 (local_rank: 3)
///   exitcode  : -9 (pid: 1234)
///   error_file: &lt;N/A&gt;
///   traceback : Signal 9 (SIGKILL) received by PID 1234
/// </code>
/// A child killed by a signal printed no traceback, so this block is the only record of its death.
/// </summary>
internal static class ChildFailureTable
{
    public static void Read(TracebackInfo wrapper, StreamState stream, LogAnalyzer analyzer)
    {
        var message = wrapper.ExceptionMessage.AsSpan();
        var root = message.IndexOf("Root Cause", StringComparison.Ordinal);
        if (root < 0) return;
        var block = message[root..];
        int? rank = null;
        var offset = 1 + message[..root].Count('\n');
        foreach (var range in block.Split('\n'))
        {
            var line = block[range].Trim();
            if (line.StartsWith("rank", StringComparison.Ordinal) && ValueAfterColon(line) is { } r && int.TryParse(FirstWord(r), out var parsed)) rank = parsed;
            if (line.StartsWith("exitcode", StringComparison.Ordinal) && LineMarkers.Match(line, deathsOnly: true) is { } hit)
            {
                analyzer.RecordDeath(stream, hit, line, wrapper.ExceptionLine + offset, rank);
                return;
            }

            offset++;
        }
    }

    private static ReadOnlySpan<char> ValueAfterColon(ReadOnlySpan<char> line)
    {
        var colon = line.IndexOf(':');
        return colon < 0 ? default : line[(colon + 1)..].Trim();
    }

    private static ReadOnlySpan<char> FirstWord(ReadOnlySpan<char> s)
    {
        var space = s.IndexOf(' ');
        return space < 0 ? s : s[..space];
    }
}
