using ErrorTrace.Cli.Hosting;
using ErrorTrace.Cli.Rendering;
using ErrorTrace.Core.Analysis;
using ErrorTrace.Core.Input;
using ErrorTrace.Core.Redaction;
using ErrorTrace.Core.Reports;

namespace ErrorTrace.Cli.Commands;

/// <summary>Runs <c>analyze</c>: loads the rules, reads each log, writes each report, and turns failures into exit codes.
/// A bad log does not stop the others; the exit code is that of the first failure.</summary>
internal sealed class AnalyzeRunner(CliEnvironment environment)
{
    public int Run(AnalyzeSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (!RulesFile.TryLoad(settings.RulesPath, environment.Error, out var rules)) return ExitCodes.BadRules;
        var options = AnalysisOptions.Default with { TimeZone = settings.TimeZone, Rules = rules ?? AnalysisOptions.Default.Rules };

        OutputTarget target;
        try
        {
            target = OutputTarget.Open(settings.OutputPath, environment);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            environment.Error.WriteLine($"errortrace: cannot write {settings.OutputPath}: {ex.Message}");
            environment.Error.WriteLine("Check that the directory exists and is writable, or drop --output to print to stdout.");
            return ExitCodes.InputUnreadable;
        }

        using (target)
        {
            var writer = ReportWriterFactory.Create(settings, target, environment);
            var exitCode = ExitCodes.Success;
            foreach (var path in settings.Files)
            {
                var code = AnalyzeOne(path, settings, options, writer, cancellationToken);
                if (code == ExitCodes.Interrupted) return code;
                if (exitCode == ExitCodes.Success) exitCode = code;
            }

            return exitCode;
        }
    }

    private int Interrupted()
    {
        environment.Error.WriteLine("errortrace: interrupted.");
        return ExitCodes.Interrupted;
    }

    private int AnalyzeOne(string path, AnalyzeSettings settings, AnalysisOptions options, IReportWriter writer, CancellationToken cancellationToken)
    {
        var failure = InputFailure.BeforeOpening(path);
        if (failure is null)
        {
            try
            {
                // The engine checks between chunks only; a small log is one chunk.
                cancellationToken.ThrowIfCancellationRequested();
                var report = Analyze(path, settings, options, cancellationToken);
                if (settings.Redact) report = ReportRedactor.Redact(report);
                cancellationToken.ThrowIfCancellationRequested();
                writer.Write(report);
                return ExitCodes.Success;
            }
            catch (OperationCanceledException)
            {
                return Interrupted();
            }
            catch (Exception ex) when (InputFailure.FromException(path, ex) is { } mapped)
            {
                failure = mapped;
            }
        }

        environment.Error.WriteLine("errortrace: " + failure.Message);
        return failure.ExitCode;
    }

    private ErrorReport Analyze(string path, AnalyzeSettings settings, AnalysisOptions options, CancellationToken cancellationToken)
    {
        var context = new ReportContext
        {
            JobId = settings.JobId ?? LogFile.JobIdFromPath(path) ?? "unknown",
            Status = settings.Status,
            ErrorSummary = settings.Summary,
        };
        if (path == "-")
        {
            // Not LogFile.Analyze("-"): that opens the process's stdin, and tests inject their own.
            using var stdin = environment.OpenStandardInput();
            return LogFile.Analyze(stdin, options, context with { LogPath = "-" }, cancellationToken: cancellationToken);
        }

        var colour = !settings.NoColor && !environment.NoColorRequested;
        return new ProgressDisplay(environment)
            .Run(path, colour, progress => LogFile.Analyze(path, options, context, progress, settings.MemoryMap, twoCores: true, cancellationToken));
    }
}
