using ErrorTrace.Core.Classification;

namespace ErrorTrace.Core.Tests.Classification;

public sealed class ClassifierCaseTests
{
    public static TheoryData<string> Names => [.. Cases.ByName.Keys];

    [Theory]
    [MemberData(nameof(Names))]
    public void Classifies_case(string name)
    {
        var expected = Cases.ByName[name];

        var analysis = FailureClassifier.Classify(expected.Input, RuleSet.Default);

        Assert.NotNull(analysis);
        Assert.Equal((expected.Category, expected.RuleId, expected.Confidence), (analysis.ErrorType, analysis.RuleId, analysis.Confidence));
        if (expected.Phase is not null) Assert.Equal(expected.Phase, analysis.ErrorPhase);
        Assert.NotEmpty(analysis.Evidence);
        Assert.True(analysis.Evidence.Count <= 5);
        Assert.NotEmpty(analysis.Suggestions);
        Assert.False(string.IsNullOrWhiteSpace(analysis.Description));
    }
}
