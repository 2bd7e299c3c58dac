using ErrorTrace.Core.Classification;
using ErrorTrace.Core.Reports;
using static ErrorTrace.Core.Tests.Classification.T;

namespace ErrorTrace.Core.Tests.Classification;

/// <summary>
/// Checks that fail on what was read: a dataset's own assertion about its labels, boxes or samples is the data's fault
/// (data-assertion-in-dataset-code); a gradient check that 'found NaN', a loss scale driven under 1 or a debug NaN check
/// is numerical. The same assertion about a setting, the same words outside dataset code, a passing overflow and NumPy's
/// 'invalid value' warning are not.
/// </summary>
public sealed class ContentCheckNearMissTests
{
    [Theory]
    [InlineData("non-normalized or out of bounds coordinate labels: /data/labels/train/0042.txt", "/work/yolo/utils/datasets.py")]
    [InlineData("number of images (120) and masks (118) mismatch", "/home/u/seg/data/dataset.py")]
    [InlineData("empty annotation in /data/coco/ann/000123.json", "/home/u/proj/my_dataset.py")]
    public void A_dataset_assertion_about_its_content_is_a_data_error(string message, string file) =>
        Assert.Equal(FailureCategory.DataError, Classify(Py("AssertionError", message, ["train.py:main", file + ":__init__"])).ErrorType);

    [Theory]
    [InlineData("image size must be a multiple of 32, got 500", "/work/yolo/utils/datasets.py")]
    [InlineData("split must be one of train, val, test", "/home/u/seg/data/dataset.py")]
    [InlineData("labels and logits must have the same batch size", "/home/u/proj/model.py")]
    public void An_assertion_about_a_setting_or_outside_dataset_code_is_not(string message, string file) =>
        Assert.NotEqual("data-assertion-in-dataset-code", Classify(Py("AssertionError", message, ["train.py:main", file + ":__init__"])).RuleId);

    [Theory]
    [InlineData("Rank 0: found NaN in local grad norm in backward pass before data-parallel communication collective.")]
    [InlineData("detected inf in gradients of layer 12, skipping step")]
    public void A_gradient_check_that_found_nan_is_numerical(string message) =>
        Assert.Equal(FailureCategory.NumericalError, Classify(Py("AssertionError", message, ["pretrain.py:<module>", "/work/megatron/training.py:train_step"])).ErrorType);

    [Theory]
    [InlineData("found no NaN in gradients but the step was skipped")]
    [InlineData("detected infrastructure error while saving")]
    public void The_words_without_a_non_finite_value_are_not(string message) =>
        Assert.NotEqual(FailureCategory.NumericalError, Classify(Py("AssertionError", message, ["pretrain.py:<module>", "/work/megatron/training.py:train_step"])).ErrorType);

    [Theory]
    [InlineData("2024-02-01 10:00:00 | INFO | fairseq.trainer | NOTE: overflow detected, setting loss scale to: 0.0078125")]
    [InlineData("Gradient overflow.  Skipping step, loss scaler 0 reducing loss scale to 0.25")]
    [InlineData("[deepspeed] OVERFLOW! Rank 0 Skipping step. Attempted loss scale: 1, reducing to 0.5")]
    [InlineData("FloatingPointError: invalid value (nan) encountered in jit(train_step). Because jax_config.debug_nans.value is set, the de-optimized function was called")]
    [InlineData("I0102 10:00:00.000000  4242 net.cpp:619]     [Backward] Layer conv3, bottom blob pool2 diff: nan")]
    public void A_loss_scale_under_one_or_a_nan_check_near_the_death_is_numerical(string line) =>
        Assert.Equal(FailureCategory.NumericalError, Near(line)?.ErrorType);

    [Theory]
    [InlineData("NOTE: overflow detected, setting loss scale to: 16384.0")]
    [InlineData("Gradient overflow.  Skipping step, loss scaler 0 reducing loss scale to 32768.0")]
    [InlineData("/opt/venv/lib/python3.11/site-packages/numpy/core/_methods.py:118: RuntimeWarning: invalid value encountered in divide")]
    [InlineData("I0102 10:00:00.000000  4242 net.cpp:619]     [Backward] Layer conv3, bottom blob pool2 diff: 0.00132")]
    public void A_passing_overflow_or_a_warning_without_a_non_finite_value_is_not(string line) =>
        Assert.NotEqual(FailureCategory.NumericalError, Near(line)?.ErrorType);

    private static FailureAnalysis? Near(string line) =>
        FailureClassifier.Classify(new ClassificationInput(null, [], [], null) { Context = [new ContextLine(40, line)] }, RuleSet.Default);

    private static FailureAnalysis Classify(TracebackInfo root) => FailureClassifier.Classify(In(root), RuleSet.Default)!;
}
