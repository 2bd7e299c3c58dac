using ErrorTrace.Core.Classification;
using ErrorTrace.Core.Reports;
using static ErrorTrace.Core.Tests.Classification.T;

namespace ErrorTrace.Core.Tests.Classification;

/// <summary>
/// What the mechanisms of <see cref="LibraryOriginCases"/> must not take: a TypeError or AttributeError raised by the
/// tensor framework itself or by the job's own code, a checkpoint word in code that only saves, sys.argv read without a
/// conversion, another BatchNorm complaint, another None argument, OpenCV's other assertions, a NotImplementedError of the job's
/// own code, a forward op's mixed precision, a library's assert on an object the job passed, an algorithm refusing a space
/// type and a JSON data file read by the job.
/// </summary>
public sealed class LibraryOriginNearMissTests
{
    [Theory]
    [InlineData("torch/nn/modules/module.py:_call_impl")]
    [InlineData("numpy/core/fromnumeric.py:_wrapfunc")]
    [InlineData("tensorflow/python/framework/ops.py:convert_to_tensor")]
    public void A_typeerror_raised_by_the_tensor_framework_is_not_a_version_skew(string raisedAt) =>
        Assert.NotEqual("dependency-builtin-raised-inside-an-ecosystem-library", Classify(In(Py("TypeError",
            "forward() takes 2 positional arguments but 3 were given", ["/work/proj/train.py:main", Sp + raisedAt])))?.RuleId);

    [Fact]
    public void A_none_input_read_in_a_libraries_model_forward_is_not_a_version_skew() =>
        Assert.NotEqual(FailureCategory.DependencyError, Classify(In(Py("AttributeError", "'NoneType' object has no attribute 'shape'", Forward)))?.ErrorType);

    [Fact]
    public void A_typeerror_in_the_jobs_own_code_stays_user_code() =>
        Assert.Equal(FailureCategory.UserCode, Classify(In(Py("TypeError", "render() got an unexpected keyword argument 'mask'",
            ["/work/gs/train.py:training"])))?.ErrorType);

    [Fact]
    public void A_keyerror_while_saving_a_checkpoint_is_not_a_checkpoint_mismatch() =>
        Assert.NotEqual("config-builtin-while-loading-or-converting-weights", Classify(In(Py("KeyError", "'optimizer'",
            ["/work/proj/train.py:main", "/work/proj/utils.py:save_model"])))?.RuleId);

    [Theory]
    [InlineData("path = sys.argv[2]")]
    [InlineData("n = int(os.environ['WORLD_SIZE'])")]
    public void A_line_that_does_not_convert_sys_argv_is_not_a_command_line_value(string code)
    {
        var root = Py("ValueError", "invalid literal for int() with base 10: ''") with
        {
            Frames = [new TracebackFrame { File = "/home/u/proj/run.py", Function = "<module>", Line = 3, Code = code }],
        };

        Assert.NotEqual("config-command-line-value-does-not-parse", Classify(In(root))?.RuleId);
    }

    [Theory]
    [InlineData("ValueError", "expected 4D input (got 3D input)")]
    [InlineData("RuntimeError", "running_mean should contain 64 elements not 128")]
    public void Other_batchnorm_complaints_are_not_a_batch_of_one(string type, string message) =>
        Assert.NotEqual("config-batchnorm-batch-of-one", Classify(In(Py(type, message, ["/work/proj/train.py:main", Sp + "torch/nn/modules/batchnorm.py:forward"])))?.RuleId);

    [Theory]
    [InlineData("pad_sequence(): argument 'sequences' (position 1) must be tuple of Tensors, not Tensor")]
    [InlineData("'NoneType' object has no attribute 'shape'")]
    public void Other_none_or_padding_arguments_are_not_a_missing_pad_token(string message) =>
        Assert.NotEqual("config-tokenizer-pad-token-unset", Classify(In(Py("TypeError", message, ["/work/proj/collate.py:__call__"])))?.RuleId);

    [Fact]
    public void Opencvs_other_assertions_are_not_an_image_that_did_not_load() =>
        Assert.NotEqual("data-unreadable-file-named-in-a-line", Classify(In(Py("cv2.error",
            "OpenCV(4.0.1) /io/opencv/modules/imgproc/src/resize.cpp:3787: error: (-215:Assertion failed) inv_scale_x > 0 in function 'resize'",
            ["/work/proj/train.py:__call__"])))?.RuleId);

    [Fact]
    public void A_not_implemented_raised_in_the_jobs_own_code_stays_user_code() =>
        Assert.Equal(FailureCategory.UserCode, Classify(In(Py("NotImplementedError", "",
            ["/work/proj/train.py:main", "/work/proj/models/base.py:compute_loss"])))?.ErrorType);

    [Fact]
    public void A_forward_ops_mixed_precision_is_not_a_gradient_dtype_mismatch() =>
        Assert.NotEqual("user-code-gradient-dtype-mismatch", Classify(In(Py("RuntimeError", "expected scalar type Half but found Float",
            ["/work/proj/eval.py:main", Sp + "torch/nn/modules/linear.py:forward"])))?.RuleId);

    [Fact]
    public void A_libraries_assert_on_an_object_the_job_passed_stays_user_code() =>
        Assert.Equal(FailureCategory.UserCode, Classify(In(Py("AssertionError", "You must register a function with `DatasetCatalog.register`!",
            ["/work/det/tools/register.py:<module>", Sp + "detectron2/data/catalog.py:register"])))?.ErrorType);

    [Fact]
    public void An_algorithm_refusing_a_space_type_is_not_the_env_checker() =>
        Assert.NotEqual("user-code-environment-fails-the-env-checker", Classify(In(Py("AssertionError",
            "The algorithm only supports (<class 'gym.spaces.box.Box'>,) as action spaces but Discrete(4) was provided")))?.RuleId);

    [Theory]
    [InlineData("samples = [json.loads(line) for line in f]")]
    [InlineData("list_data_dict = json.load(open(data_path, \"r\"))")]
    public void A_json_data_file_that_does_not_parse_is_not_a_config(string code)
    {
        var root = Py("json.decoder.JSONDecodeError", "Expecting value: line 1 column 2 (char 1)") with
        {
            Frames =
            [
                new TracebackFrame { File = "/work/sft/data.py", Function = "load", Line = 12, Code = code },
                new TracebackFrame { File = "/usr/lib/python3.10/json/decoder.py", Function = "raw_decode", Line = 355, Code = "raise JSONDecodeError(\"Expecting value\", s, err.value) from None" },
            ],
        };

        Assert.Equal(FailureCategory.DataError, Classify(In(root))?.ErrorType);
    }

    private static FailureAnalysis? Classify(ClassificationInput input) => FailureClassifier.Classify(input, RuleSet.Default);
}
