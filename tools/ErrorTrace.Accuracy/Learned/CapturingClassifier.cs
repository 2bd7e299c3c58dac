using ErrorTrace.Core.Classification;
using ErrorTrace.Core.Reports;

namespace ErrorTrace.Accuracy.Learned;

/// <summary>Classifies with the rules and keeps what it was given and what they said, so the learned features of a case
/// come from the same engine run as its rules' score.</summary>
internal sealed class CapturingClassifier : IFailureClassifier
{
    private readonly IFailureClassifier _rules = FailureClassifiers.Rules();

    public ClassificationInput? Input { get; private set; }

    public FailureAnalysis? ByRules { get; private set; }

    public FailureAnalysis? Classify(ClassificationInput input)
    {
        Input = input;
        return ByRules = _rules.Classify(input);
    }
}
