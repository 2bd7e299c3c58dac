using ErrorTrace.Core.Classification;
using ErrorTrace.Core.Reports;
using ErrorTrace.Core.Tests.Engine;
using static ErrorTrace.Core.Tests.Classification.T;

namespace ErrorTrace.Core.Tests.Classification;

/// <summary>
/// What the rules of <see cref="UnboundKernelAndLaunchSpellingCases"/> must not take: a script's own CUDA flag or short
/// variable that was never assigned (a bug, not an extension), and a parser rejecting an option only named like the
/// launcher's (BuildAndLaunchNearMissTests keeps '--local_rank' with an underscore a launch setting); the whole engine
/// reads the torch 2 spelling as an installation problem.
/// </summary>
public sealed class UnboundKernelAndLaunchSpellingNearMissTests
{
    [Theory]
    [InlineData("use_cuda")]
    [InlineData("is_cuda")]
    [InlineData("USE_CUDA")]
    [InlineData("n_c")]
    [InlineData("x_cu")]
    public void A_scripts_own_unassigned_variable_stays_a_bug(string name) =>
        Assert.Equal("user-code-name-or-syntax", Classify(In(Py("NameError", $"name '{name}' is not defined",
            ["/work/project/train.py:<module>", "/work/project/train.py:main"])))?.RuleId);

    [Fact]
    public void A_plural_option_named_like_it_is_not_the_launchers_spelling() =>
        Assert.Equal(FailureCategory.ConfigError, Analyze.Text(
            "usage: train.py [-h] [--lr LR]\ntrain.py: error: unrecognized arguments: --local-ranks 2\n").Analysis?.ErrorType);

    [Fact]
    public void The_whole_engine_reads_torch_2s_spelling_as_an_installation_problem() =>
        Assert.Equal(FailureCategory.DependencyError, Analyze.Text(
            "usage: train.py [-h] [--lr LR] [--epochs EPOCHS]\ntrain.py: error: unrecognized arguments: --local-rank=0\n").Analysis?.ErrorType);

    private static FailureAnalysis? Classify(ClassificationInput input) => FailureClassifier.Classify(input, RuleSet.Default);
}
