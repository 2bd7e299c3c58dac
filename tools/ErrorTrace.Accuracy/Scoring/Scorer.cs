using ErrorTrace.Accuracy.Corpus;
using ErrorTrace.Core.Analysis;
using ErrorTrace.Core.Input;

namespace ErrorTrace.Accuracy.Scoring;

/// <summary>Runs the engine on a case's log, as the CLI would on a file, and compares the report with the label.</summary>
public static class Scorer
{
    /// <summary>The name reports use when the engine gave no analysis at all.</summary>
    public const string NoAnalysis = "(no analysis)";

    public static CaseScore Score(RealLogCase c, AnalysisOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(c);
        var report = LogFile.Analyze(c.LogPath, options, cancellationToken: cancellationToken);
        var (type, frame) = RootCause.Of(report.Traceback);
        var expected = c.Expected;
        var category = report.Analysis?.ErrorType ?? NoAnalysis;
        return new CaseScore
        {
            Case = c,
            ActualCategory = category,
            ActualRuleId = report.Analysis?.RuleId,
            ActualType = type,
            ActualFrame = frame is null ? null : RootCause.Describe(frame),
            CategoryRight = category == expected.Category,
            TypeRight = type == expected.RootExceptionType,
            FrameRight = expected.InnermostFrame is null ? frame is null : frame is not null && RootCause.Matches(expected.InnermostFrame, frame),
        };
    }
}
