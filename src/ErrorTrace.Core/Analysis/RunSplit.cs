using ErrorTrace.Core.Reports;

namespace ErrorTrace.Core.Analysis;

/// <summary>
/// A log of several runs (<see cref="RunTable"/>) seen by the report: the root cause is chosen among the failures of the
/// last run that failed (issue 12: the first failure of the last run), and every run that failed is listed with its own
/// root, so the earlier runs' failures read as history, not as the cause.
/// </summary>
internal static class RunSplit
{
    /// <summary>The failures the root cause is chosen from: all of them for a log of one run, else the last failed run's.</summary>
    public static List<TracebackInfo> RootCandidates(List<TracebackInfo> failures, RunTable runs)
    {
        if (runs.Count == 0 || failures.Count == 0) return failures;
        var last = failures.Max(f => runs.RunOf(f.FirstLine));
        return failures.Where(f => runs.RunOf(f.FirstLine) == last).ToList();
    }

    /// <summary>The items printed in the root's run; all of them for a log of one run or when there is no root.</summary>
    public static List<T> SameRun<T>(List<T> items, TracebackInfo? root, RunTable runs, Func<T, long> line)
    {
        if (runs.Count == 0 || root is null) return items;
        var run = runs.RunOf(root.FirstLine);
        return items.Where(item => runs.RunOf(line(item)) == run).ToList();
    }

    /// <summary>The runs that failed and the last run, or null when the failures are all in one run of the log (the runs
    /// then tell nothing the report does not).</summary>
    public static List<RunInfo>? Describe(List<TracebackInfo> failures, RunTable runs, long lines, TracebackInfo? root,
        Func<List<TracebackInfo>, TracebackInfo?> rootOf, Func<TracebackInfo, string> headline)
    {
        if (runs.Count == 0) return null;
        var byRun = failures.GroupBy(f => runs.RunOf(f.FirstLine)).ToDictionary(g => g.Key, g => g.ToList());
        if (byRun.Count < 2) return null;
        var result = new List<RunInfo>();
        for (var run = 0; run <= runs.Count; run++)
        {
            var failed = byRun.TryGetValue(run, out var own);
            if (!failed && run < runs.Count) continue;
            var first = run == 0 ? 1 : runs.Start(run - 1);
            var lastLine = run < runs.Count ? runs.Start(run) - 1 : Math.Max(lines, first);
            var runRoot = failed ? rootOf(own!) : null;
            result.Add(new RunInfo
            {
                Run = runs.Dropped + run + 1,
                FirstLine = first,
                LastLine = lastLine,
                StartedBy = run == 0 ? null : runs.StartedBy(run - 1),
                Failures = own?.Count ?? 0,
                RootCause = runRoot is null ? null : headline(runRoot),
                RootLine = runRoot?.FirstLine,
                IsRootRun = runRoot is not null && runRoot.Equals(root),
            });
        }

        return result;
    }
}
