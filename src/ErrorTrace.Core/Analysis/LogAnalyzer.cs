using ErrorTrace.Core.Reports;

namespace ErrorTrace.Core.Analysis;

/// <summary>
/// The engine: a resumable reader over a log's UTF-8 bytes. Feed it chunks in order with
/// <see cref="Append"/>; ask for a <see cref="CreateReport"/> at any point; call <see cref="Complete"/>
/// at the end of input. <see cref="Clone"/> gives an independent copy, so a caller can complete and
/// report a snapshot of a still-growing log and keep appending to the original.
/// Not thread-safe: one caller at a time.
/// </summary>
public sealed partial class LogAnalyzer
{
    public LogAnalyzer(AnalysisOptions? options = null)
    {
        Options = options ?? AnalysisOptions.Default;
    }

    public AnalysisOptions Options { get; }

    /// <summary>Bytes appended so far (of the decompressed log).</summary>
    public long BytesConsumed { get; private set; }

    public bool IsComplete { get; private set; }

    public void Append(ReadOnlySpan<byte> chunk)
    {
        if (IsComplete) throw new InvalidOperationException("The analyzer was completed; clone it before completing to keep appending.");
        BytesConsumed += chunk.Length;
    }

    public void Complete() => IsComplete = true;

    public LogAnalyzer Clone() => new(Options) { BytesConsumed = BytesConsumed };

    public ErrorReport CreateReport(ReportContext? context = null)
    {
        context ??= new ReportContext();
        _ = BytesConsumed;
        return new ErrorReport { JobId = context.JobId, Status = context.Status ?? "completed", ErrorSummary = context.ErrorSummary };
    }
}
