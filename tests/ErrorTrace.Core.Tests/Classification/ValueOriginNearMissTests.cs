using ErrorTrace.Core.Classification;
using ErrorTrace.Core.Reports;
using static ErrorTrace.Core.Tests.Classification.T;

namespace ErrorTrace.Core.Tests.Classification;

/// <summary>What the rules of <see cref="ValueOriginCases"/> must not take: a dataset's own KeyError, a library reading its
/// caller's Namespace, a file in a real codec that refuses a byte, a check of the model's classes against the dataset's, a
/// disk quota, a device-side assert that does not surface at nonzero.</summary>
public sealed class ValueOriginNearMissTests
{
    [Fact]
    public void A_samples_missing_key_in_a_dataset_getitem_is_not_an_environment_variable() =>
        Assert.NotEqual("config-environment-variable-not-set", Classify(Py("KeyError", "'label'",
            ["train.py:main", "/home/u/proj/data/dataset.py:__getitem__"])).RuleId);

    [Fact]
    public void A_library_reading_its_callers_namespace_is_not_the_scripts_parser() =>
        Assert.NotEqual("user-code-argument-its-parser-never-defines", Classify(Py("AttributeError", "'Namespace' object has no attribute 'encoder_layers'",
            ["train.py:main", Sp + "fairseq/models/transformer.py:build_model"])).RuleId);

    [Fact]
    public void A_utf8_file_with_a_bad_byte_stays_with_the_data() =>
        Assert.Equal(FailureCategory.DataError, Classify(Py("UnicodeDecodeError", "'utf-8' codec can't decode byte 0x92 in position 7047: invalid start byte",
            ["train.py:main", "/home/u/proj/corpus.py:read_text"])).ErrorType);

    [Fact]
    public void A_num_classes_check_against_the_dataset_stays_a_setting() =>
        Assert.Equal(FailureCategory.ConfigError, Classify(Py("AssertionError", "The `num_classes` (3) in RetinaHead of MMDataParallel does not matches the length of `CLASSES` 5) in VOCDataset",
            ["tools/train.py:main", Sp + "mmdet/datasets/utils.py:_check_head"])).ErrorType);

    [Fact]
    public void A_full_disk_quota_is_not_a_compute_quota() =>
        Assert.Equal(FailureCategory.DiskError, Classify(Py("OSError", "[Errno 122] Disk quota exceeded: '/home/u/.cache/huggingface/hub/tmp'",
            ["train.py:main", Sp + "huggingface_hub/file_download.py:http_get"])).ErrorType);

    [Fact]
    public void A_device_side_assert_elsewhere_stays_a_cuda_error() =>
        Assert.Equal(FailureCategory.CudaError, Classify(Py("RuntimeError", "CUDA error: device-side assert triggered",
            ["train.py:main", Sp + "torch/nn/functional.py:embedding"])).ErrorType);

    private static FailureAnalysis Classify(TracebackInfo root) => FailureClassifier.Classify(In(root), RuleSet.Default)!;
}
