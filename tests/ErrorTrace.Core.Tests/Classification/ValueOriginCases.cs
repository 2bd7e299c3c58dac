using ErrorTrace.Core.Classification;
using static ErrorTrace.Core.Tests.Classification.T;
using C = ErrorTrace.Core.Classification.FailureCategory;

namespace ErrorTrace.Core.Tests.Classification;

/// <summary>
/// Config, data or code, decided by where the failing value came from: a label value the labels carried, an environment
/// variable the launch did not set, a file read with the locale's codec, an argument the script's own parser never
/// defines, a key a loaded config container lacks, a class count a detection head was not set for, machines the
/// account's quota does not allow. Wordings other than the corpus logs'.
/// </summary>
internal static class ValueOriginCases
{
    public static IEnumerable<ClassificationCase> All()
    {
        yield return new("cpu-nll-target-is-an-ignore-value", In(Py("IndexError", "Target 255 is out of bounds.",
            ["seg/train.py:main", Sp + "torch/nn/functional.py:cross_entropy"])),
            C.DataError, "data-labels-outside-model-output", "medium");
        yield return new("tf-label-equals-the-class-count-line", In(null) with
        {
            Context = [new ContextLine(1, "InvalidArgumentError (see above for traceback): Received a label value of 10 which is outside the valid range of [0, 10).  Label values: 3 10 7")],
        }, C.DataError, "data-labels-outside-model-output", "medium");
        yield return new("os-environ-lacks-the-rank", In(Py("KeyError", "'LOCAL_RANK'",
            ["train.py:<module>", "train.py:setup", "<frozen os>:__getitem__"])),
            C.ConfigError, "config-environment-variable-not-set", "high", "initialization");
        yield return new("os-environ-lacks-a-channel-under-a-dataset-getitem", In(Py("KeyError", "'SM_CHANNEL_EVAL'",
            ["entry.py:main", "/opt/ml/code/data/dataset.py:__getitem__", "/usr/lib/python3.8/os.py:__getitem__"])),
            C.ConfigError, "config-environment-variable-not-set", "high", "initialization");
        yield return new("cp936-reads-a-utf8-vocabulary", In(Py("UnicodeDecodeError", "'cp936' codec can't decode byte 0xe6 in position 12: illegal multibyte sequence",
            ["build_vocab.py:<module>", "build_vocab.py:read_words"])),
            C.UserCode, "user-code-text-read-with-the-locale-codec", "medium");
        yield return new("easydict-config-lacks-a-key", In(Py("AttributeError", "'EasyDict' object has no attribute 'warmup_iters'",
            ["tools/train.py:main", "/home/u/proj/core/solver.py:build_scheduler"])),
            C.ConfigError, "config-builtin-on-a-config-container", "medium");
        yield return new("nonzero-reports-a-box-head-assert", In(Py("RuntimeError", "copy_if failed to synchronize: device-side assert triggered",
            ["tools/train_net.py:main", "/home/u/det/modeling/roi_heads/box_head/loss.py:__call__"])),
            C.ConfigError, "config-detection-loss-assert-at-nonzero", "high", "training");
        yield return new("vertex-gpu-quota-line", In(null) with
        {
            Context = [new ContextLine(12, "ERROR: (gcloud.ai.custom-jobs.create) RESOURCE_EXHAUSTED: The following quota metrics exceed quota limits: aiplatform.googleapis.com/custom_model_training_nvidia_a100_gpus")],
        }, C.ConfigError, "config-cloud-compute-quota", "medium", "initialization");
    }
}
