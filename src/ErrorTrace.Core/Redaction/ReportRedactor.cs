using ErrorTrace.Core.Reports;

namespace ErrorTrace.Core.Redaction;

/// <summary>Every string of a report that comes from the log or the jobs database, redacted by <see cref="Redactor"/>.
/// Left alone: numbers, the engine's own vocabulary (level, source, kind, relation, category, phase names, confidence,
/// rule id) and the classification rules' description and suggestions, which are rule text, never log text (masking
/// them would only garble advice such as "set HF_TOKEN=…").</summary>
public static class ReportRedactor
{
    public static ErrorReport Redact(ErrorReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report with
        {
            ErrorSummary = Redactor.RedactOrNull(report.ErrorSummary),
            Errors = report.Errors.Select(Redact).ToList(),
            Traceback = report.Traceback is null ? null : Redact(report.Traceback),
            Tracebacks = report.Tracebacks.Select(Redact).ToList(),
            Analysis = report.Analysis is null ? null : Redact(report.Analysis),
            Log = report.Log is null ? null : report.Log with { Path = Redactor.RedactOrNull(report.Log.Path) },
            Notes = report.Notes.Select(Redactor.Redact).ToList(),
            Environment = report.Environment is null ? null : Redact(report.Environment),
            Hang = report.Hang is null ? null : report.Hang with
            {
                Ranks = report.Hang.Ranks.Select(r => r with { OpType = Redactor.RedactOrNull(r.OpType) }).ToList(),
                Reason = Redactor.RedactOrNull(report.Hang.Reason),
            },
            Runs = report.Runs?.Select(r => r with { StartedBy = Redactor.RedactOrNull(r.StartedBy), RootCause = Redactor.RedactOrNull(r.RootCause) }).ToList(),
        };
    }

    private static EnvironmentInfo Redact(EnvironmentInfo environment) => environment with
    {
        Tags = environment.Tags.Select(t => t with { Value = Redactor.Redact(t.Value) }).ToList(),
        Hosts = environment.Hosts.Select(Redactor.Redact).ToList(),
    };

    private static ErrorEntry Redact(ErrorEntry entry) => entry with
    {
        Message = Redactor.Redact(entry.Message),
        DedupeKey = Redactor.Redact(entry.DedupeKey),
        Phase = Redactor.RedactOrNull(entry.Phase),
        Logger = Redactor.RedactOrNull(entry.Logger),
    };

    private static TracebackInfo Redact(TracebackInfo traceback) => traceback with
    {
        Raw = Redactor.Redact(traceback.Raw),
        Frames = traceback.Frames.Select(Redact).ToList(),
        ExceptionType = Redactor.Redact(traceback.ExceptionType),
        ExceptionMessage = Redactor.Redact(traceback.ExceptionMessage),
        Chain = traceback.Chain.Select(Redact).ToList(),
        SubExceptions = traceback.SubExceptions.Select(Redact).ToList(),
        Phase = Redactor.RedactOrNull(traceback.Phase),
        Logger = Redactor.RedactOrNull(traceback.Logger),
        Host = Redactor.RedactOrNull(traceback.Host),
        Progress = Redactor.RedactOrNull(traceback.Progress),
        Original = traceback.Original is { } original ? Redact(original) : null,
    };

    private static WorkerFailure Redact(WorkerFailure failure) => failure with
    {
        ExceptionType = Redactor.Redact(failure.ExceptionType),
        ExceptionMessage = Redactor.Redact(failure.ExceptionMessage),
        Frames = failure.Frames.Select(Redact).ToList(),
        RaisedIn = Redactor.RedactOrNull(failure.RaisedIn),
    };

    private static ChainLink Redact(ChainLink link) => link with
    {
        ExceptionType = Redactor.Redact(link.ExceptionType),
        ExceptionMessage = Redactor.Redact(link.ExceptionMessage),
        Frames = link.Frames.Select(Redact).ToList(),
    };

    private static TracebackFrame Redact(TracebackFrame frame) => frame with
    {
        File = Redactor.Redact(frame.File),
        Function = Redactor.Redact(frame.Function),
        Code = Redactor.RedactOrNull(frame.Code),
    };

    private static FailureAnalysis Redact(FailureAnalysis analysis) => analysis with
    {
        Evidence = analysis.Evidence.Select(e => e with { Text = Redactor.Redact(e.Text) }).ToList(),
    };
}
