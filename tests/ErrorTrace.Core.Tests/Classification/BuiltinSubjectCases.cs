using static ErrorTrace.Core.Tests.Classification.T;
using C = ErrorTrace.Core.Classification.FailureCategory;

namespace ErrorTrace.Core.Tests.Classification;

/// <summary>
/// Builtin exceptions (ValueError, TypeError, KeyError, AttributeError, AssertionError, RuntimeError) decided by their
/// subject, not their type: a version or install, a setting, the data's content, where configuration is read, which
/// library raised. Wordings from other projects than the corpus logs the rules came from.
/// </summary>
internal static class BuiltinSubjectCases
{
    public static IEnumerable<ClassificationCase> All()
    {
        yield return new("builtin-requires-a-newer-package", In(Py("ValueError", "Flash Attention 2 requires flash_attn>=2.1.0; please upgrade it.",
            ["finetune.py:main", Sp + "mylib/model_loader.py:load"])),
            C.DependencyError, "dependency-builtin-names-a-version", "medium");
        yield return new("builtin-framework-sees-no-gpu", In(Py("RuntimeError", "8-bit optimizers require a GPU, but torch.cuda.is_available() should be True but is False.",
            ["train.py:main", Sp + "someopt/optim.py:__init__"])),
            C.DependencyError, "dependency-builtin-names-a-version", "medium");
        yield return new("library-reads-attribute-another-release-lacks", In(Py("AttributeError", "'LoraLayer' object has no attribute 'scaling_factor'",
            ["train.py:main", Sp + "trainerlib/merge.py:merge_adapters"])),
            C.DependencyError, "dependency-library-reads-an-attribute-its-caller-lacks", "medium");
        yield return new("lightning-hook-reads-removed-trainer-attribute", In(Py("AttributeError", "'Trainer' object has no attribute 'use_ddp'",
            [Sp + "pytorch_lightning/trainer/trainer.py:fit", "/home/u/proj/model.py:validation_epoch_end"])),
            C.DependencyError, "dependency-lightning-trainer-attribute-moved", "medium");
        yield return new("builtin-option-must-be-one-of", In(Py("ValueError", "lr_scheduler must be one of ['cosine', 'linear'], got 'cosin'",
            ["/home/u/proj/train.py:build_scheduler"])),
            C.ConfigError, "config-builtin-names-a-setting", "medium");
        yield return new("builtin-assert-batch-setting", In(Py("AssertionError", "--micro-batch-size is required when pipeline parallelism is used",
            ["/home/u/proj/pretrain.py:main"])),
            C.ConfigError, "config-builtin-names-a-setting", "medium");
        yield return new("builtin-raised-in-config-module", In(Py("KeyError", "'SOLVER'",
            ["tools/train.py:main", "/home/u/proj/lib/config.py:update_config"])),
            C.ConfigError, "config-builtin-raised-by-config-code", "medium");
        yield return new("builtin-none-in-config-normalizer", In(Py("TypeError", "unsupported operand type(s) for *: 'NoneType' and 'int'",
            ["scripts/finetune.py:main", "/srv/app/src/tuner/utils/setup.py:normalize_cfg_values"])),
            C.ConfigError, "config-builtin-raised-by-config-code", "medium");
        yield return new("keyerror-on-hyperparameter-dict", In(Py("KeyError", "'anchor_t'") with
        {
            Frames = [F("train.py:<module>"),
            new() { File = "/home/u/yolo/utils/loss.py", Function = "__init__", Line = 95, Code = "self.anchor_t = hyp['anchor_t']" }]
        }),
            C.ConfigError, "config-builtin-reads-a-config-mapping", "medium");
        yield return new("namespace-lacks-an-argument-the-parser-never-defines", In(Py("AttributeError", "'Namespace' object has no attribute 'local_rank'",
            ["/home/u/proj/train.py:main"])),
            C.UserCode, "user-code-argument-its-parser-never-defines", "medium");
        yield return new("library-argument-check-rejects-setup", In(Py("ValueError", "You can't train a model that has been loaded in 8-bit precision on a different device than the one you're training on.",
            ["train.py:main", Sp + "accelerate/accelerator.py:prepare_model"])),
            C.ConfigError, "config-builtin-raised-by-a-library-argument-check", "medium");
        yield return new("builtin-csv-text-where-numbers-belong", In(Py("ValueError", "could not convert string to float: 'label'",
            ["prepare.py:<module>", "/home/u/proj/data/tabular.py:load_rows"])),
            C.DataError, "data-builtin-names-the-data", "medium");
        yield return new("builtin-raised-by-hdf5-reader", In(Py("KeyError", "\"Unable to open object (object 'images' doesn't exist)\"",
            ["train.py:main", "/home/u/proj/data/h5set.py:__init__", Sp + "h5py/_hl/group.py:require_dataset"])),
            C.DataError, "data-builtin-raised-by-a-data-reader", "medium");
        yield return new("model-split-over-two-gpus", In(Py("RuntimeError", "Expected all tensors to be on the same device, but found at least two devices, cuda:1 and cuda:0! (when checking argument for argument index in method wrapper_CUDA__index_select)",
            ["generate.py:main", Sp + "torch/nn/functional.py:embedding"])),
            C.ConfigError, "config-model-split-across-gpus", "high");
    }
}
