using ErrorTrace.Core.Classification;
using ErrorTrace.Core.Reports;
using static ErrorTrace.Core.Tests.Classification.T;

namespace ErrorTrace.Core.Tests.Classification;

/// <summary>
/// What the families of <see cref="HeldOutFamilyCases"/> must not take: a compiler's 'error: argument' line, a start-up
/// line announcing bf16, TensorFlow's cuDNN INFO line of a working start, a NameError for the job's own name, a syntax
/// error in the job's own file or in 'python -c' code.
/// </summary>
public sealed class HeldOutFamilyNearMissTests
{
    [Theory]
    [InlineData("x86_64-linux-gnu-gcc: error: argument to '-O' should be a non-negative integer, 'g', 's' or 'fast'")]
    [InlineData("/bin/sh: error: argument list too long")]
    public void A_compilers_or_shells_error_about_an_argument_is_not_the_jobs_arguments(string line) =>
        Assert.NotEqual("config-argument-parser", Classify(Context(line))?.RuleId);

    [Theory]
    [InlineData("Using bf16 mixed precision on a supported device (NVIDIA A100-SXM4-80GB)")]
    [InlineData("bf16 mixed precision requested: enabling torch.autocast(dtype=torch.bfloat16)")]
    public void A_start_up_line_announcing_bf16_is_not_a_refusal(string line) =>
        Assert.NotEqual("config-bf16-refused", Classify(Context(line))?.RuleId);

    [Theory]
    [InlineData("I0000 00:00:1700000000.000000 1 cuda_dnn.cc:529] Loaded cuDNN version 8906")]
    [InlineData("2023-01-01 10:00:00.000000: I tensorflow/stream_executor/platform/default/dso_loader.cc:53] Successfully opened dynamic library libcudnn.so.8")]
    public void The_cudnn_line_of_a_working_start_is_not_a_version_mismatch(string line) =>
        Assert.NotEqual("dependency-runtime-library-version-mismatch", Classify(In(null, E(3, line, level: "error")))?.RuleId);

    [Theory]
    [InlineData("name 'amp_scale' is not defined")]
    [InlineData("name 'model' is not defined")]
    public void A_name_of_the_jobs_own_is_not_an_optional_package(string message) =>
        Assert.Equal(FailureCategory.UserCode, Classify(In(Py("NameError", message, ["train.py:main", "/home/u/proj/engine.py:step"])))?.ErrorType);

    [Fact]
    public void A_syntax_error_in_the_jobs_own_file_loaded_by_a_library_stays_user_code() =>
        Assert.Equal(FailureCategory.UserCode, Classify(In(Py("SyntaxError", "invalid syntax",
            ["main.py:<module>", Sp + "lightning/pytorch/cli.py:__init__", Sp + "importlib/__init__.py:import_module", "/home/u/proj/model.py:"])))?.ErrorType);

    [Fact]
    public void A_syntax_error_in_python_dash_c_code_stays_user_code() =>
        Assert.Equal(FailureCategory.UserCode, Classify(In(Py("SyntaxError", "invalid syntax", ["<string>:"])))?.ErrorType);

    [Fact]
    public void A_weight_file_that_could_not_be_written_is_not_a_corrupt_one() =>
        Assert.NotEqual(FailureCategory.DataError, Classify(In(Py("safetensors_rust.SafetensorError",
            "Error while serializing: IoError(Os { code: 28, kind: StorageFull, message: \"No space left on device\" })",
            ["train.py:main", Sp + "safetensors/torch.py:save_file"])))?.ErrorType);

    private static ClassificationInput Context(string line) => new(null, [], [], null) { Context = [new ContextLine(1, line)] };

    private static FailureAnalysis? Classify(ClassificationInput input) => FailureClassifier.Classify(input, RuleSet.Default);
}
