using ErrorTrace.Core.Classification;
using ErrorTrace.Core.Reports;
using static ErrorTrace.Core.Tests.Classification.T;

namespace ErrorTrace.Core.Tests.Classification;

/// <summary>
/// Checks that fail on what was read: a dataset's own assertion about its labels, boxes or samples is the data's fault
/// (data-assertion-in-dataset-code), a gradient check that 'found NaN' is numerical; the same assertion about a setting,
/// or the same words outside dataset code, are not.
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

    private static FailureAnalysis Classify(TracebackInfo root) => FailureClassifier.Classify(In(root), RuleSet.Default)!;
}
