using System.Collections.Concurrent;
using ErrorTrace.Cli.Commands;
using ErrorTrace.Cli.Hosting;
using ErrorTrace.Cli.Rendering;
using ErrorTrace.Core.Analysis;
using ErrorTrace.Core.Fleet;
using ErrorTrace.Core.Input;
using Spectre.Console;

namespace ErrorTrace.Cli.Fleet;

/// <summary>
/// Runs <c>fleet</c>: expands the paths, analyses the logs in parallel (each on its own analyzer, a core each), keeps
/// the failed ones with their signature and host, and writes the groups. A log that cannot be read is reported and
/// skipped; the exit code is then that of the first such problem, after the output.
/// </summary>
internal sealed class FleetRunner(CliEnvironment environment)
{
    public int Run(FleetSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (!RulesFile.TryLoad(settings.RulesPath, environment.Error, out var rules)) return ExitCodes.BadRules;
        var options = AnalysisOptions.Default with { Rules = rules ?? AnalysisOptions.Default.Rules };
        var missing = new List<string>();
        var files = LogFiles.Expand(settings.Paths, missing);
        var exitCode = ExitCodes.Success;
        foreach (var path in missing)
        {
            environment.Error.WriteLine($"errortrace: {path}: no such file or directory.");
            exitCode = ExitCodes.InputNotFound;
        }

        var failures = new ConcurrentBag<IndexedFailure>();
        var problems = new ConcurrentBag<InputFailure>();
        try
        {
            WithProgress(files, settings, progress =>
                Parallel.ForEach(files, new ParallelOptions { MaxDegreeOfParallelism = settings.Parallel, CancellationToken = cancellationToken }, path =>
                {
                    try
                    {
                        // Maps, as analyze does: a one-shot read of files nobody should be truncating meanwhile.
                        var report = LogFile.Analyze(path, options, new ReportContext { JobId = LogFiles.JobId(path) }, memoryMap: true, cancellationToken: cancellationToken);
                        if (report.Status == "failed")
                        {
                            failures.Add(new IndexedFailure(report.JobId, report.Status, File.GetLastWriteTimeUtc(path), Owner: null,
                                FailureHost.Of(report), FailureSignatures.For(report)));
                        }
                    }
                    catch (Exception ex) when (InputFailure.FromException(path, ex) is { } failure)
                    {
                        problems.Add(failure);
                    }

                    progress?.Invoke(path);
                }));
        }
        catch (OperationCanceledException)
        {
            environment.Error.WriteLine("errortrace: interrupted.");
            return ExitCodes.Interrupted;
        }

        foreach (var problem in problems.OrderBy(p => p.Message, StringComparer.Ordinal))
        {
            environment.Error.WriteLine("errortrace: " + problem.Message);
            if (exitCode == ExitCodes.Success) exitCode = problem.ExitCode;
        }

        var list = FleetGrouping.Group(failures);
        var colour = !settings.NoColor && !environment.NoColorRequested && environment.OutputIsTerminal;
        switch (settings.Format)
        {
            case "json":
                environment.Out.WriteLine(System.Text.Json.JsonSerializer.Serialize(list, FleetJsonContext.Default.FailureList));
                break;
            case "markdown":
                FleetMarkdown.Write(environment.Out, list, files.Count);
                break;
            default:
                FleetTable.Write(environment.CreateConsole(environment.Out, new ConsoleOptions(colour, Interactive: false, environment.Width(environment.OutputIsTerminal))), list, files.Count);
                break;
        }

        return exitCode;
    }

    /// <summary>A bar of bytes read on a terminal's stderr (files finish out of order: one step per finished file).</summary>
    private void WithProgress(List<string> files, FleetSettings settings, Action<Action<string>?> work)
    {
        var sizes = files.ToDictionary(f => f, Size, StringComparer.Ordinal);
        var total = sizes.Values.Sum();
        if (!environment.ErrorIsTerminal || files.Count < 2)
        {
            work(null);
            return;
        }

        var colour = !settings.NoColor && !environment.NoColorRequested;
        var console = environment.CreateConsole(environment.Error, new ConsoleOptions(colour, Interactive: true, environment.Width(terminal: true)));
        console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask($"{files.Count} logs", maxValue: Math.Max(1, total));
                var gate = new Lock();
                work(path =>
                {
                    lock (gate) task.Increment(sizes[path]);
                });
                task.Value = task.MaxValue;
            });
    }

    private static long Size(string path)
    {
        try
        {
            return new FileInfo(path).Length;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return 0;
        }
    }
}
