using ErrorTrace.Core.Reports;

namespace ErrorTrace.Core.Classification;

/// <summary>
/// Decides what kind of failure a log shows. One method, so that another classifier can be plugged in
/// (<see cref="Analysis.AnalysisOptions.Classifier"/>) and compared with the rules on the real-log corpus
/// (<c>scripts/accuracy/score.sh --classifier</c>). <see cref="FailureClassifiers"/> makes the built-in ones.
/// </summary>
public interface IFailureClassifier
{
    /// <summary>The analysis, or null for a clean job (no failure, no error entry, no summary).</summary>
    FailureAnalysis? Classify(ClassificationInput input);
}
