using ErrorTrace.Core.Classification;
using ErrorTrace.Core.Reports;
using static ErrorTrace.Core.Tests.Classification.T;

namespace ErrorTrace.Core.Tests.Classification;

/// <summary>
/// An unexpected keyword argument is a version mismatch only when a library's own line passes that keyword by name
/// (dependency-library-passes-a-keyword-the-callee-lacks); when the library line only forwards **kwargs, or the call is
/// in the user's code, the keyword came from the user.
/// </summary>
public sealed class KeywordApiNearMissTests
{
    private const string Message = "CustomTrainer.compute_loss() got an unexpected keyword argument 'num_items_in_batch'";

    [Fact]
    public void A_library_line_that_names_the_keyword_is_a_version_mismatch() =>
        Assert.Equal(FailureCategory.DependencyError, Classify(Message, Trainer, "loss = self.compute_loss(model, inputs, num_items_in_batch=num_items_in_batch)").ErrorType);

    [Theory]
    [InlineData(Sp + "torch/nn/modules/module.py", "return forward_call(*args, **kwargs)")]
    [InlineData(Trainer, "loss = self.compute_loss(model, inputs, num_items=n)")]
    [InlineData("/home/u/proj/train.py", "loss = trainer.compute_loss(model, inputs, num_items_in_batch=4)")]
    public void A_forwarded_keyword_a_near_name_or_a_call_in_user_code_is_not(string file, string code) =>
        Assert.NotEqual("dependency-library-passes-a-keyword-the-callee-lacks", Classify(Message, file, code).RuleId);

    [Fact]
    public void A_pattern_without_a_name_group_is_refused() =>
        Assert.Throws<ArgumentException>(() => MessageNameInCode.Create(["got an unexpected keyword argument '\\w+'"], "message_name_in_code"));

    private static FailureAnalysis Classify(string message, string file, string code) =>
        FailureClassifier.Classify(In(Py("TypeError", message) with
        {
            Frames =
            [
                new TracebackFrame { File = "/home/u/proj/run.py", Function = "main", Line = 5, Code = "trainer.train()" },
                new TracebackFrame { File = file, Function = "training_step", Line = 3579, Code = code },
            ],
        }), RuleSet.Default)!;
}
