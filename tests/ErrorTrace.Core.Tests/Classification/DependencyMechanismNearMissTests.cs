using ErrorTrace.Core.Classification;
using ErrorTrace.Core.Reports;
using static ErrorTrace.Core.Tests.Classification.T;

namespace ErrorTrace.Core.Tests.Classification;

/// <summary>
/// What the families of <see cref="DependencyMechanismCases"/> must not take: cuDNN failing during a convolution (not at
/// its start), a compiler's other errors, a SyntaxError in code any Python 3 parses, a NameError in a module not named
/// after a backend, a checkpoint rename that is not the Trainer's staging.
/// </summary>
public sealed class DependencyMechanismNearMissTests
{
    [Theory]
    [InlineData("RuntimeError: cuDNN error: CUDNN_STATUS_INTERNAL_ERROR")]
    [InlineData("E tensorflow/stream_executor/cuda/cuda_dnn.cc:326] could not destroy cudnn handle: CUDNN_STATUS_BAD_PARAM")]
    [InlineData("Unable to load weights from pytorch checkpoint file for 'bert-base-uncased'")]
    public void A_library_failing_after_it_started_is_not_an_unloadable_library(string line) =>
        Assert.NotEqual("dependency-native-library-unloadable", Classify(Context(line))?.RuleId);

    [Theory]
    [InlineData("/home/u/ext/src/ops.cpp:12:5: error: 'foo' was not declared in this scope")]
    [InlineData("/home/u/ext/src/ops.cpp:3:10: fatal error: too many errors emitted, stopping now [-ferror-limit=]")]
    public void A_compilers_other_errors_are_not_a_missing_header(string line) =>
        Assert.NotEqual("dependency-build-cannot-find-header", Classify(Context(line))?.RuleId);

    [Theory]
    [InlineData("optim=\"adamw_bnb_8bit\"  # 8-bit")]
    [InlineData("y = a * b, *c")]
    [InlineData("print \"done\"")]
    [InlineData("for i in range(10)")]
    public void A_syntax_error_in_code_any_python_3_parses_stays_user_code(string code) =>
        Assert.Equal(FailureCategory.UserCode, Classify(In(Py("SyntaxError", "invalid syntax", frames: []) with
        {
            Frames = [new() { File = "train.py", Function = "", Line = 9, Code = code }],
        }))?.ErrorType);

    [Fact]
    public void A_nameerror_in_a_module_not_named_after_a_backend_stays_user_code() =>
        Assert.Equal(FailureCategory.UserCode, Classify(In(Py("NameError", "name 'LLM' is not defined",
            ["/home/u/proj/run.py:main", "/home/u/proj/models/llama.py:__init__"])))?.ErrorType);

    [Fact]
    public void A_rename_that_is_not_the_trainers_staging_is_not_the_race() =>
        Assert.NotEqual("dependency-trainer-staging-checkpoint-rename-race", Classify(In(Py("FileNotFoundError",
            "[Errno 2] No such file or directory: '/ckpt/tmp.pt' -> '/ckpt/last.pt'",
            ["train.py:main", Sp + "lightning/fabric/utilities/cloud_io.py:_atomic_save"])))?.RuleId);

    private static ClassificationInput Context(string line) => new(null, [], [], null) { Context = [new ContextLine(1, line)] };

    private static FailureAnalysis? Classify(ClassificationInput input) => FailureClassifier.Classify(input, RuleSet.Default);
}
