using ErrorTrace.Core.Classification;
using static ErrorTrace.Core.Tests.Classification.T;
using C = ErrorTrace.Core.Classification.FailureCategory;

namespace ErrorTrace.Core.Tests.Classification;

/// <summary>
/// Configuration, data and dependency failures raised as plain Python exceptions (ValueError, KeyError, AttributeError,
/// NameError…) that read as bugs in the user's code unless the mechanism is recognised: a config library refusing the
/// config, an empty dataset, a library API that moved, an optional import that failed earlier. Each family is shown in
/// several wordings written for these tests (other libraries, other projects), never copied from a corpus log; the
/// near misses that must not match are in <see cref="GeneralisedNearMissTests"/>.
/// </summary>
internal static class GeneralisedSetupCases
{
    public static IEnumerable<ClassificationCase> All()
    {
        // Config schemas: the exception type names the mechanism, and the wording does when the type was lost.
        yield return new("omegaconf-key-not-in-struct-by-type", In(Py("omegaconf.errors.ConfigAttributeError",
            "Key 'warmup_ratio' is not in struct\n    full_key: optim.warmup_ratio\n    object_type=dict", ["run.py:main", "run.py:build_optimizer"])),
            C.ConfigError, "config-schema-rejected", "high", "initialization");
        yield return new("omegaconf-missing-mandatory-by-type", In(Py("omegaconf.errors.MissingMandatoryValue",
            "Missing mandatory value: data.root\n    full_key: data.root", ["launch.py:main", Sp + "omegaconf/dictconfig.py:_get_impl"])),
            C.ConfigError, "config-schema-rejected", "high", "initialization");
        yield return new("lightning-misconfiguration-strategy", In(Py("lightning.fabric.utilities.exceptions.MisconfigurationException",
            "`Trainer(strategy='ddp_spawn')` is not compatible with an interactive environment. Run your code as a script.",
            ["fit.py:<module>", Sp + "lightning/pytorch/trainer/trainer.py:__init__"])),
            C.ConfigError, "config-schema-rejected", "high", "initialization");
        yield return new("pydantic-settings-line-without-type", In(null,
            E(12, "2 validation errors for TrainingSettings\nlearning_rate\n  Input should be a valid number [type=float_parsing]")),
            C.ConfigError, "config-schema-rejected-wording", "medium", "initialization");
        yield return new("hydra-struct-wording-in-wrapper", In(Py("RuntimeError",
            "Error in call to target 'models.Net': Key 'dropout_p' is not in struct", ["main.py:main", Sp + "hydra/_internal/instantiate/_instantiate2.py:_call_target"])),
            C.ConfigError, "config-schema-rejected-wording", "high", "initialization");

        // Sizes that must divide each other: three wordings, three stacks.
        yield return new("megatron-layers-not-divisible-by-pp", In(Py("AssertionError",
            "num_layers (30) should be divisible by pipeline_model_parallel_size (4)", ["pretrain_gpt.py:<module>", "/work/megatron/arguments.py:validate_args"])),
            C.ConfigError, "config-parallel-not-divisible", "medium", "initialization");
        yield return new("batch-not-divisible-by-ranks", In(Py("ValueError",
            "global batch size 100 is not divisible by micro batch size 8 times data parallel size 2", ["train.py:main", Sp + "nemo/utils/batch.py:check"])),
            C.ConfigError, "config-parallel-not-divisible", "medium", "initialization");
        yield return new("hidden-size-heads-error-line", In(null,
            E(33, "ERROR: hidden size 1000 must be evenly divisible by the number of attention heads 16")),
            C.ConfigError, "config-parallel-not-divisible", "medium", "initialization");

        // A fine-tuning setup that does not fit the model.
        yield return new("lora-target-modules-absent", In(Py("ValueError",
            "Target modules {'c_attn'} not found in the base model. Please check the target modules and try again.",
            ["finetune.py:main", Sp + "peft/mapping.py:get_peft_model", Sp + "peft/tuners/tuners_utils.py:inject_adapter"])),
            C.ConfigError, "config-adapter-targets-or-labels", "high", "initialization");
        yield return new("trainer-batch-without-labels", In(Py("ValueError",
            "The model did not return a loss from the inputs, only the following keys: logits,past_key_values. For reference, the inputs it received are input_ids.",
            ["sft.py:<module>", Trainer + ":train", Trainer + ":training_step", Trainer + ":compute_loss"])),
            C.ConfigError, "config-adapter-targets-or-labels", "high", "training");

        // Empty datasets: a sampler over nothing, no labels, no valid samples.
        yield return new("random-sampler-over-nothing", In(Py("ValueError",
            "num_samples should be a positive integer value, but got num_samples=0",
            ["segment.py:<module>", Sp + "torch/utils/data/dataloader.py:__init__", Sp + "torch/utils/data/sampler.py:__init__"])),
            C.DataError, "data-empty-dataset", "high", "data_loading");
        yield return new("detector-no-labels-found", In(Py("AssertionError",
            "val: No labels found in /data/coco_sub/labels/val.cache, training cannot start.",
            ["detect/train.py:main", "/work/yolo/utils/datasets.py:__init__"])),
            C.DataError, "data-empty-dataset", "high");
        yield return new("loader-found-zero-images-line", In(null, E(8, "RuntimeError: Found 0 images in subfolders of: /mnt/imagenet/train")),
            C.DataError, "data-empty-dataset", "medium");
        yield return new("dataset-assert-on-box-labels", In(Py("AssertionError",
            "Label class 7 exceeds nc=5 in /data/parts/labels/img_0192.txt. Possible class labels are 0-4",
            ["train.py:<module>", "train.py:main", "/work/det/utils/dataloaders.py:create_dataloader", "/work/det/utils/dataloaders.py:__init__"])),
            C.DataError, "data-assertion-in-dataset-code", "medium", "data_loading");
        yield return new("hf-datasets-column-layout", In(Py("ValueError",
            "Column to remove ['answer'] not in the dataset. Current columns in the dataset: ['question', 'response']",
            ["prep.py:<module>", Sp + "datasets/arrow_dataset.py:remove_columns"])),
            C.DataError, "data-missing-column", "high", "data_loading");
        yield return new("old-worker-reraise-carries-traceback", In(Py("KeyError",
            "Traceback (most recent call last):\n  File \"/work/ds.py\", line 40, in __getitem__\n    ann = self.meta[name]\nKeyError: 'img_0041'",
            ["train.py:<module>", Sp + "torch/utils/data/dataloader.py:__next__", Sp + "torch/utils/data/dataloader.py:_process_next_batch"])),
            C.DataError, "data-dataloader-worker-reraise-old", "high", "data_loading");

        // Dependencies that surface as something else.
        yield return new("driver-older-than-runtime", In(Py("RuntimeError",
            "The NVIDIA driver on your system is too old (found version 10010). Please update your GPU driver.",
            ["main.py:<module>", Sp + "torch/cuda/__init__.py:_lazy_init"])),
            C.DependencyError, "dependency-driver-too-old", "high", "initialization");
        yield return new("cuda-runtime-driver-insufficient-line", In(null,
            E(4, "2024-01-02 10:00:01.000: E external/xla/stream_executor/cuda/cuda_driver.cc:268] failed call to cuInit: CUDA driver version is insufficient for CUDA runtime version")),
            C.DependencyError, "dependency-driver-too-old", "medium", "initialization");
        yield return new("cpu-wheel-reached-by-cuda-code", In(Py("AssertionError", "Torch not compiled with CUDA enabled",
            ["infer.py:<module>", Sp + "torch/cuda/__init__.py:_lazy_init"])),
            C.DependencyError, "dependency-build-without-backend", "high", "initialization");
        yield return new("nccl-missing-in-build", In(Py("RuntimeError", "Distributed package doesn't have NCCL built in; torch was compiled without NCCL support",
            ["ddp.py:main", Sp + "torch/distributed/distributed_c10d.py:init_process_group"])),
            C.DependencyError, "dependency-build-without-backend", "high", "initialization");
        yield return new("scipy-function-moved", In(Py("AttributeError", "module 'scipy.misc' has no attribute 'imresize'",
            ["prep.py:<module>", "prep.py:resize_all"])),
            C.DependencyError, "dependency-library-api-changed", "high", "initialization");
        yield return new("numpy-alias-note", In(Py("AttributeError",
            "module 'numpy' has no attribute 'int'.\n`np.int` was a deprecated alias for the builtin `int`.",
            ["eval.py:<module>", Sp + "numpy/__init__.py:__getattr__"])),
            C.DependencyError, "dependency-library-api-changed", "high", "initialization");
        yield return new("lightning-rejects-its-own-callback-class", In(Py("lightning.pytorch.utilities.exceptions.MisconfigurationException",
            "Invalid type provided for logger: Expected bool but received <class 'lightning.pytorch.loggers.csv_logs.CSVLogger'>.",
            ["fit.py:main", Sp + "lightning/pytorch/trainer/trainer.py:__init__", Sp + "lightning/pytorch/trainer/connectors/logger_connector.py:configure"])),
            C.DependencyError, "dependency-lightning-rejects-its-own-api", "high", "initialization");
        yield return new("pipeline-passes-a-keyword-the-model-lacks", In(Py("TypeError",
            "UNet2DModel.forward() got an unexpected keyword argument 'added_cond_kwargs'") with
        {
            Frames =
            [
                new() { File = "gen.py", Function = "<module>", Line = 9, Code = "image = pipe(prompt).images[0]" },
                new() { File = Sp + "diffusers/pipelines/my_pipeline.py", Function = "__call__", Line = 812,
                        Code = "noise_pred = self.unet(latents, t, added_cond_kwargs=added_cond_kwargs, return_dict=False)[0]" },
            ],
        }), C.DependencyError, "dependency-library-passes-a-keyword-the-callee-lacks", "medium", "initialization");
        yield return new("python2-anonymous-module-attribute", In(Py("AttributeError", "'module' object has no attribute 'data'",
            ["demo.py:<module>", "/work/nets/resnet.py:<module>"])),
            C.DependencyError, "dependency-module-attribute-py2", "medium", "initialization");
        yield return new("xformers-guarded-import-nameerror", In(Py("NameError", "name 'xops' is not defined",
            ["gen.py:<module>", Sp + "somepkg/attention.py:forward"])),
            C.DependencyError, "dependency-optional-import-nameerror", "medium");
        yield return new("apex-guarded-import-nameerror", In(Py("NameError", "name 'FusedLayerNorm' is not defined",
            ["train.py:main", Sp + "bert_pkg/modeling.py:__init__"])),
            C.DependencyError, "dependency-optional-import-nameerror", "medium");
        yield return new("jit-op-build-lines", In(null,
            E(50, "FAILED: cpu_adam.o\nninja: build stopped: subcommand failed."),
            E(51, "RuntimeError: Error building extension 'cpu_adam'")),
            C.DependencyError, "dependency-extension-build-failed", "medium", "initialization");
        yield return new("jit-op-build-traceback", In(Py("subprocess.CalledProcessError", "Command '['ninja', '-v', '-j', '4']' returned non-zero exit status 2.",
            ["train.py:main", Sp + "apex_like/ops/loader.py:load", Sp + "torch/utils/cpp_extension.py:_run_ninja_build", "/usr/lib/python3.10/subprocess.py:run"])),
            C.DependencyError, "dependency-extension-build-frames", "high", "initialization");
        yield return new("autoconfig-model-type-unknown", In(Py("KeyError", "'gemma3'",
            ["serve.py:<module>", Sp + "transformers/models/auto/configuration_auto.py:from_pretrained", Sp + "transformers/models/auto/configuration_auto.py:__getitem__"])),
            C.DependencyError, "dependency-unknown-model-type", "high", "initialization");
        yield return new("architecture-not-recognised-wording", In(Py("ValueError",
            "The checkpoint you are trying to load has model type `mamba2` but Transformers does not recognize this architecture.",
            ["load.py:<module>"])),
            C.DependencyError, "dependency-unknown-architecture-wording", "high", "initialization");
        yield return new("compiler-not-on-path", In(Py("FileNotFoundError", "[Errno 2] No such file or directory: 'gcc'",
            ["train.py:main", Sp + "triton/runtime/build.py:_build", "/usr/lib/python3.11/subprocess.py:_execute_child"])),
            C.DependencyError, "dependency-missing-executable", "medium");
        yield return new("plugin-class-not-registered", In(Py("KeyError", "'DeformableHead is not in the models registry'",
            ["tools/train.py:main", Sp + "mmengine/registry/build_functions.py:build_from_cfg"])),
            C.DependencyError, "dependency-registry-class-missing", "medium");

        // Autograd misuse in the training code.
        yield return new("backward-on-detached-loss", In(Py("RuntimeError", "element 0 of tensors does not require grad and does not have a grad_fn",
            ["fit.py:<module>", "fit.py:step", Sp + "torch/_tensor.py:backward", Sp + "torch/autograd/__init__.py:backward"])),
            C.UserCode, "user-code-autograd-misuse", "high", "training");
        yield return new("backward-twice-gan", In(Py("RuntimeError",
            "Trying to backward through the graph a second time (or directly access saved tensors after they have already been freed).",
            ["gan.py:train_d", Sp + "torch/autograd/__init__.py:backward"])),
            C.UserCode, "user-code-autograd-misuse", "high", "training");
        yield return new("inplace-saved-tensor", In(Py("RuntimeError",
            "one of the variables needed for gradient computation has been modified by an inplace operation: [torch.FloatTensor [64, 128]] is at version 3; expected version 2 instead.",
            ["rl.py:update", Sp + "torch/autograd/__init__.py:backward"])),
            C.UserCode, "user-code-autograd-misuse", "high", "training");

        // A name the project's registry or dataset_info does not define; positional arguments read from sys.argv but not given.
        yield return new("undefined-dataset-in-dataset-info", In(Py("ValueError", "Undefined dataset mllm_demo in dataset_info.json.",
            ["/work/LLaMA-Factory/src/llamafactory/launcher.py:launch", "/work/LLaMA-Factory/src/llamafactory/data/parser.py:get_dataset_list"])),
            C.ConfigError, "config-undefined-name-in-registry", "high", "initialization");
        yield return new("script-run-without-its-arguments", In(Py("IndexError", "list index out of range") with
        {
            Frames = [new() { File = "train.py", Function = "<module>", Line = 280, Code = "datacfg       = sys.argv[1]" }],
        }), C.ConfigError, "config-missing-command-line-argument", "high", "initialization");

        // A distribution's parameter validated by torch.distributions: NaN from the policy network.
        yield return new("policy-normal-loc-nan", In(Py("ValueError",
            "Expected parameter loc (Tensor of shape (1, 50)) of distribution Normal(loc: torch.Size([1, 50]), scale: torch.Size([1, 50])) to satisfy the constraint Real(), but found invalid values:\ntensor([[nan, nan, nan]])",
            ["/home/u/sb3/train.py:main", Sp + "stable_baselines3/sac/sac.py:train", Sp + "torch/distributions/normal.py:__init__", Sp + "torch/distributions/distribution.py:__init__"])),
            C.NumericalError, "numerical-distribution-parameter-invalid", "high");
    }
}
