using System.Text.RegularExpressions;
using ErrorTrace.Core.Analysis;
using ErrorTrace.Core.Reports;

namespace ErrorTrace.Core.RunEnvironment;

/// <summary>The report's <see cref="EnvironmentInfo"/>: the head scan's tags, then what the failures' frames and the
/// error groups' loggers and messages add (the Python of a <c>…/python3.10/…</c> frame, torchrun's elastic agent), the
/// hosts and ranks the streams were named by.</summary>
internal static partial class EnvironmentBuilder
{
    public static EnvironmentInfo Build(LogAnalyzer analyzer, IReadOnlyList<TracebackInfo> failures, IReadOnlyList<ErrorEntry> errors)
    {
        var scanner = analyzer.Environment;
        var found = new Dictionary<string, EnvironmentTag>(scanner.Found, StringComparer.Ordinal);
        var launchers = new List<EnvironmentTag>(scanner.Launchers);
        void AddLauncher(string name, long line)
        {
            if (!launchers.Exists(l => l.Value == name)) launchers.Add(new EnvironmentTag("launcher", name, line));
        }

        foreach (var failure in failures)
        {
            foreach (var frame in AllFrames(failure))
            {
                if (!found.ContainsKey("python") && PythonInPath().Match(frame.File) is { Success: true } python)
                    found["python"] = new EnvironmentTag("python", python.Groups["v"].Value, failure.FirstLine);
                EnvironmentMatcher.Match(frame.File.Replace('/', '.'), failure.FirstLine, found, AddLauncher);
            }
        }

        var examined = 0;
        foreach (var error in errors)
        {
            if (++examined > EnvironmentLimits.MaxErrorGroupsExamined) break;
            if (error.Logger is { } logger) EnvironmentMatcher.Match(logger, error.FirstLine, found, AddLauncher);
            EnvironmentMatcher.Match(FirstLine(error.Message), error.FirstLine, found, AddLauncher);
        }

        var tags = new List<EnvironmentTag>(launchers);
        foreach (var key in EnvironmentRules.KeyOrder)
        {
            if (found.TryGetValue(key, out var tag)) tags.Add(tag);
        }

        var hosts = analyzer.StreamTable.Hosts;
        var ranks = new HashSet<int>();
        foreach (var stream in analyzer.Streams)
        {
            if (stream.Rank >= 0) ranks.Add(stream.Rank);
        }

        return new EnvironmentInfo
        {
            Tags = tags,
            Hosts = hosts.Take(EnvironmentLimits.MaxHostsListed).Select(h => Text.Utf8.Decode(h)).ToArray(),
            HostCount = hosts.Count,
            RankCount = ranks.Count,
            ScannedBytes = scanner.ScannedBytes,
        };
    }

    private static IEnumerable<TracebackFrame> AllFrames(TracebackInfo failure) =>
        failure.Frames.Concat(failure.Chain.SelectMany(c => c.Frames));

    private static string FirstLine(string message)
    {
        var newline = message.IndexOf('\n', StringComparison.Ordinal);
        return newline < 0 ? message : message[..newline];
    }

    /// <summary>"/usr/lib/python3.10/…", "…/envs/x/lib/python3.11/site-packages/…".</summary>
    [GeneratedRegex(@"python(?<v>3\.\d{1,2})[/\\]", RegexOptions.ExplicitCapture)]
    private static partial Regex PythonInPath();
}
