using ErrorTrace.Core.Classification;
using ErrorTrace.Core.Reports;
using static ErrorTrace.Core.Tests.Classification.T;

namespace ErrorTrace.Core.Tests.Classification;

/// <summary>What the rules of <see cref="BuiltinSubjectCases"/> must not take: genuine bugs in the job's code raised as
/// the same builtin types, with words close to the families' (a deprecation about tensor sizes, a missing positional
/// argument, old torch's 'invalid argument 0', a sample's key, the job's own attribute), and the frames the location
/// rules must not read (a config module the stack only passed through, a model's forward in a training library).</summary>
public sealed class BuiltinSubjectNearMissTests
{
    [Fact]
    public void A_deprecation_about_tensor_sizes_is_not_a_version_problem() =>
        Assert.Equal(FailureCategory.UserCode, Classify(Py("ValueError",
            "Using a target size (torch.Size([4, 1])) that is different to the input size (torch.Size([4])) is deprecated. Please ensure they have the same size.",
            ["train.py:main", Sp + "torch/nn/functional.py:binary_cross_entropy"])).ErrorType);

    [Fact]
    public void The_jobs_own_model_lacking_an_attribute_through_getattr_is_not_a_version_problem() =>
        Assert.Equal(FailureCategory.UserCode, Classify(Py("AttributeError", "'DataParallel' object has no attribute 'generate'",
            ["sample.py:main", Sp + "torch/nn/modules/module.py:__getattr__"])).ErrorType);

    [Fact]
    public void A_library_handed_none_is_not_a_version_problem() =>
        Assert.NotEqual("dependency-library-reads-an-attribute-its-caller-lacks", Classify(Py("AttributeError", "'NoneType' object has no attribute 'shape'",
            ["train.py:main", Sp + "somelib/ops.py:pad_to"])).RuleId);

    [Fact]
    public void The_jobs_own_trainer_class_read_outside_a_lightning_hook_stays_user_code() =>
        Assert.Equal(FailureCategory.UserCode, Classify(Py("AttributeError", "'Trainer' object has no attribute 'log_every'",
            ["/home/u/proj/main.py:main"])).ErrorType);

    [Fact]
    public void Old_torchs_invalid_argument_0_is_a_shape_check_not_a_setting() =>
        Assert.NotEqual(FailureCategory.ConfigError, Classify(Py("RuntimeError",
            "invalid argument 0: Sizes of tensors must match except in dimension 0. Got 3 and 1 in dimension 1",
            ["train.py:main", "/home/u/proj/model.py:forward"])).ErrorType);

    [Fact]
    public void A_call_missing_a_positional_argument_is_not_a_setting() =>
        Assert.Equal(FailureCategory.UserCode, Classify(Py("TypeError", "forward() missing 1 required positional argument: 'mask'",
            ["train.py:main", Sp + "torch/nn/modules/module.py:_call_impl"])).ErrorType);

    [Fact]
    public void A_key_error_raised_below_a_config_frame_is_not_the_configs() =>
        Assert.NotEqual(FailureCategory.ConfigError, Classify(Py("KeyError", "'pixel_values'",
            ["train.py:main", "/home/u/proj/config.py:build_model", "/home/u/proj/model.py:forward"])).ErrorType);

    [Fact]
    public void A_samples_key_and_a_calls_keywords_are_not_config_mappings()
    {
        Assert.Equal(FailureCategory.UserCode, Classify(Py("KeyError", "'label'") with
        {
            Frames = [F("train.py:main"), new() { File = "/home/u/proj/engine.py", Function = "step", Line = 40, Code = "labels = [item['label'] for item in batch]" }],
        }).ErrorType);
        Assert.Equal(FailureCategory.UserCode, Classify(Py("KeyError", "'mask'") with
        {
            Frames = [F("train.py:main"), new() { File = "/home/u/proj/model.py", Function = "forward", Line = 12, Code = "mask = kwargs['mask']" }],
        }).ErrorType);
    }

    [Fact]
    public void A_model_configs_missing_attribute_is_not_a_config_container() =>
        Assert.NotEqual("config-builtin-on-a-config-container", Classify(Py("AttributeError", "'LlamaConfig' object has no attribute 'rope_theta'",
            ["train.py:main", "/home/u/.cache/huggingface/modules/transformers_modules/m/modeling.py:__init__"])).RuleId);

    [Fact]
    public void A_training_librarys_forward_checking_its_tensors_is_not_an_argument_check() =>
        Assert.NotEqual(FailureCategory.ConfigError, Classify(Py("ValueError", "Expected input batch_size (8) to match target batch_size (4).",
            ["train.py:main", Sp + "transformers/models/bert/modeling_bert.py:forward"])).ErrorType);

    [Fact]
    public void An_ambiguous_array_truth_value_is_not_the_datas() =>
        Assert.Equal(FailureCategory.UserCode, Classify(Py("ValueError", "The truth value of an array with more than one element is ambiguous. Use a.any() or a.all()",
            ["/home/u/proj/metrics.py:accuracy"])).ErrorType);

    [Fact]
    public void An_image_library_handed_a_bad_array_is_not_a_data_reader() =>
        Assert.NotEqual(FailureCategory.DataError, Classify(Py("TypeError", "Cannot handle this data type: (1, 1, 3), <f4",
            ["/home/u/proj/visualize.py:save", Sp + "PIL/Image.py:fromarray"])).ErrorType);

    [Fact]
    public void A_tensor_left_on_the_cpu_is_still_the_codes_device_mismatch() =>
        Assert.Equal("user-code-device-mismatch", Classify(Py("RuntimeError", "Expected all tensors to be on the same device, but found at least two devices, cuda:0 and cpu!",
            ["train.py:main"])).RuleId);

    private static FailureAnalysis Classify(TracebackInfo root) => FailureClassifier.Classify(In(root), RuleSet.Default)!;
}
