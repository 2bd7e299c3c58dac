using static ErrorTrace.Core.Tests.Classification.T;
using C = ErrorTrace.Core.Classification.FailureCategory;

namespace ErrorTrace.Core.Tests.Classification;

/// <summary>config_error, dependency_error and data_error.</summary>
internal static class SetupAndDataCases
{
    private const string ChatTemplate =
        "Cannot use chat template functions because tokenizer.chat_template is not set and no template argument was passed! " +
        "For information about writing templates and setting the tokenizer.chat_template attribute, please see the documentation at " +
        "https://huggingface.co/docs/transformers/main/en/chat_templating";

    private static readonly string[] s_loadDataset =
    [
        "train.py:main", Sp + "datasets/load.py:load_dataset", Sp + "datasets/builder.py:download_and_prepare",
        Sp + "datasets/builder.py:_prepare_split", Sp + "datasets/builder.py:_prepare_split_single",
    ];

    public static IEnumerable<ClassificationCase> All()
    {
        yield return new("chat-template-missing-in-pretokenize", In(Py("ValueError", ChatTemplate,
            ["/home/u/standalone_trainer.py:main", "/home/u/standalone_trainer.py:pretokenize", Sp + "transformers/tokenization_utils_base.py:apply_chat_template",
             Sp + "transformers/tokenization_utils_base.py:get_chat_template"], phase: "PreTokenize")),
            C.ConfigError, "config-chat-template-missing", "high", "data_loading");
        yield return new("seed-chat-template-lines", In(null, E(311, ChatTemplate, phase: "PreTokenize") with { Count = 47 }),
            C.ConfigError, "config-chat-template-missing", "medium", "data_loading");
        yield return new("fp16-unscale", In(Py("ValueError", "Attempting to unscale FP16 gradients.",
            [.. TrainStep[..5], Sp + "accelerate/accelerator.py:clip_grad_norm_", Sp + "torch/amp/grad_scaler.py:unscale_", Sp + "torch/amp/grad_scaler.py:_unscale_grads_"])),
            C.ConfigError, "config-fp16-unscale", "high", "training");
        yield return new("bf16-unsupported", In(Py("ValueError", "Your setup doesn't support bf16/gpu. You need torch>=1.10, using Ampere GPU with cuda>=11.0",
            ["train.py:main", Sp + "transformers/hf_argparser.py:parse_args_into_dataclasses", "<string>:__init__", Sp + "transformers/training_args.py:__post_init__"])),
            C.ConfigError, "config-bf16-unsupported", "high", "initialization");
        yield return new("hf-argument-parser-unused", In(Py("ValueError", "Some specified arguments are not used by the HfArgumentParser: ['--lora_rnak', '16']",
            ["train.py:main", Sp + "transformers/hf_argparser.py:parse_args_into_dataclasses"])),
            C.ConfigError, "config-argument-parser", "high", "initialization");
        yield return new("post-init-strategy-mismatch", In(Py("ValueError",
            "--load_best_model_at_end requires the save and eval strategy to match, but found\n- Evaluation strategy: IntervalStrategy.STEPS\n- Save strategy: IntervalStrategy.EPOCH",
            ["train.py:main", Sp + "transformers/hf_argparser.py:parse_args_into_dataclasses", "<string>:__init__", Sp + "transformers/training_args.py:__post_init__"])),
            C.ConfigError, "config-argument-parsing-frame", "high", "initialization");
        yield return new("renamed-training-argument", In(Py("TypeError", "TrainingArguments.__init__() got an unexpected keyword argument 'evaluation_strategy'",
            ["train.py:<module>", "train.py:main"])),
            C.DependencyError, "dependency-arguments-class-lacks-keyword", "high", "initialization");
        yield return new("ldm-yaml-kwarg-from-another-checkout", In(Py("TypeError", "__init__() got an unexpected keyword argument 'embedding_reg_weight'",
            ["main.py:<module>", @"C:\sd\ldm\util.py:instantiate_from_config", @"C:\sd\ldm\models\diffusion\ddpm.py:__init__"])),
            C.ConfigError, "config-instantiated-unexpected-kwarg", "medium");
        yield return new("deepspeed-batch-arithmetic", In(Py("AssertionError",
            "Check batch related parameters. train_batch_size is not equal to micro_batch_per_gpu * gradient_acc_step * world_size 16 != 2 * 1 * 4",
            ["train.py:main", Sp + "deepspeed/runtime/config.py:_configure_train_batch_size", Sp + "deepspeed/runtime/config.py:_batch_assertion"])),
            C.ConfigError, "config-deepspeed", "high", "initialization");
        yield return new("cannot-load-tokenizer", In(Py("OSError",
            "Can't load tokenizer for 'meta-llama/Llama-2-7b-hf'. If you were trying to load it from 'https://huggingface.co/models', make sure you don't have a local directory with the same name.",
            ["train.py:main", Sp + "transformers/models/auto/tokenization_auto.py:from_pretrained"])),
            C.ConfigError, "config-tokenizer-or-model-path", "high", "initialization");
        yield return new("zero3-incompatible-with-device-map", In(Py("ValueError",
            "DeepSpeed Zero-3 is not compatible with `low_cpu_mem_usage=True` or with passing a `device_map`.",
            ["train.py:main", "train.py:load_model", Sp + "transformers/modeling_utils.py:from_pretrained"])),
            C.ConfigError, "config-incompatible-options", "medium", "initialization");
        yield return new("zero3-no-sync-assertion", In(Py("AssertionError",
            "no_sync context manager is incompatible with gradient partitioning logic of ZeRO stage 3",
            [Trainer + ":_inner_training_loop", Sp + "accelerate/accelerator.py:accumulate", Sp + "deepspeed/runtime/engine.py:no_sync"])),
            C.ConfigError, "config-incompatible-assertion", "medium");
        yield return new("import-module-of-unset-option", In(Py("AttributeError", "'NoneType' object has no attribute 'startswith'",
            ["D:\\kohya_ss\\train_network.py:<module>", "D:\\kohya_ss\\train_network.py:train", "C:\\Python310\\lib\\importlib\\__init__.py:import_module"])),
            C.ConfigError, "config-module-name-missing", "medium");
        yield return new("onecyclelr-stepped-past-total", In(Py("ValueError", "Tried to step 100001 times. The specified number of total steps is 100000",
            ["main.py:train", "methods/prodesign.py:train_one_epoch", Sp + "torch/optim/lr_scheduler.py:step", Sp + "torch/optim/lr_scheduler.py:get_lr"])),
            C.ConfigError, "config-lr-schedule-length", "high");
        yield return new("wandb-api-key-no-tty", In(Py("wandb.errors.UsageError", "api_key not configured (no-tty). call wandb.login(key=[your_api_key])",
            [Trainer + ":train", Sp + "transformers/integrations/integration_utils.py:setup", Sp + "wandb/sdk/wandb_init.py:init", Sp + "wandb/sdk/wandb_login.py:prompt_api_key"])),
            C.ConfigError, "config-tracker-credentials-missing", "high", "initialization");
        yield return new("hub-gated-repo", In(Py("OSError",
            "You are trying to access a gated repo.\nMake sure to have access to it at https://huggingface.co/meta-llama/Llama-2-7b-hf.\n401 Client Error.\n\nCannot access gated repo for url https://huggingface.co/meta-llama/Llama-2-7b-hf/resolve/main/config.json.",
            ["train.py:main", Sp + "transformers/models/auto/auto_factory.py:from_pretrained", Sp + "transformers/utils/hub.py:cached_file"])),
            C.ConfigError, "config-hub-access-denied", "high", "initialization");
        yield return new("bitsandbytes-cuda-setup-failed", In(Py("RuntimeError",
            "CUDA Setup failed despite GPU being available. Please run the following command to get more information:\n\n        python -m bitsandbytes",
            ["train_network.py:<module>", Sp + "bitsandbytes/__init__.py:<module>", Sp + "bitsandbytes/cextension.py:<module>"])),
            C.DependencyError, "dependency-message", "high", "initialization");
        yield return new("argparse-unrecognized-line", In(null, E(3, "train.py: error: unrecognized arguments: --lora_rnak 16")),
            C.ConfigError, "config-argument-parser", "medium");
        yield return new("hydra-compact-config-error", In(null,
            E(2, "Did you mean to override data?"),
            E(4, "Set the environment variable HYDRA_FULL_ERROR=1 for a complete stack trace.")),
            C.ConfigError, "errors-hydra-compact-error", "medium", "initialization");
        yield return new("hydra-hint-after-a-jobs-own-traceback", In(Py("RuntimeError", "custom_op_wrapper returned an invalid handle", ["train.py:main"]),
            E(30, "Set the environment variable HYDRA_FULL_ERROR=1 for a complete stack trace.")),
            C.UserCode, "evidence-score", "low");

        yield return new("flash-attn-undefined-symbol", In(Py("ImportError",
            "/usr/local/lib/python3.10/dist-packages/flash_attn_2_cuda.cpython-310-x86_64-linux-gnu.so: undefined symbol: _ZN3c104cuda9SetDeviceEi",
            ["train.py:<module>", Sp + "flash_attn/__init__.py:<module>", Sp + "flash_attn/flash_attn_interface.py:<module>", "<frozen importlib._bootstrap>:_call_with_frames_removed"])),
            C.DependencyError, "dependency-import-error", "high", "initialization");
        yield return new("no-module-deepspeed", In(Py("ModuleNotFoundError", "No module named 'deepspeed'", ["train.py:<module>"])),
            C.DependencyError, "dependency-import-error", "high", "initialization");
        yield return new("libcudart-missing", In(Py("OSError", "libcudart.so.12: cannot open shared object file: No such file or directory",
            ["train.py:<module>", Sp + "bitsandbytes/cextension.py:<module>", "/usr/lib/python3.10/ctypes/__init__.py:__init__"])),
            C.DependencyError, "dependency-message", "high", "initialization");
        yield return new("failed-to-import-transformers-module", In(Py("RuntimeError",
            "Failed to import transformers.trainer because of the following error (look up to see its traceback):\nNo module named 'torch._six'",
            ["train.py:<module>", Sp + "transformers/utils/import_utils.py:__getattr__", Sp + "transformers/utils/import_utils.py:_get_module"])),
            C.DependencyError, "dependency-message", "high", "initialization");
        yield return new("module-not-found-line", In(null, E(9, "ModuleNotFoundError: No module named 'flash_attn'")),
            C.DependencyError, "dependency-message", "medium");

        yield return new("dataset-generation-error", In(Py("datasets.exceptions.DatasetGenerationError", "An error occurred while generating the dataset", s_loadDataset)),
            C.DataError, "data-datasets-library", "high", "data_loading");
        yield return new("pyarrow-json-parse-error", In(Py("pyarrow.lib.ArrowInvalid", "JSON parse error: Missing a name for object member. in row 0",
            [.. s_loadDataset, Sp + "datasets/packaged_modules/json/json.py:_generate_tables", "pyarrow/_json.pyx:pyarrow._json.read_json"])),
            C.DataError, "data-datasets-library", "high", "data_loading");
        yield return new("datasets-unable-to-find-file", In(Py("FileNotFoundError", "Unable to find '/mnt/data/sft/train.jsonl'",
            ["train.py:main", "train.py:build_dataset"])),
            C.DataError, "data-datasets-message", "high", "data_loading");
        yield return new("stack-unequal-sizes", In(Py("RuntimeError",
            "stack expects each tensor to be equal size, but got [3, 224, 224] at entry 0 and [1, 224, 224] at entry 3",
            [Trainer + ":_inner_training_loop", Sp + "torch/utils/data/dataloader.py:__next__", Sp + "torch/utils/data/_utils/fetch.py:fetch",
             Sp + "torch/utils/data/_utils/collate.py:default_collate", Sp + "torch/utils/data/_utils/collate.py:collate"])),
            C.DataError, "data-collate-size-mismatch", "high", "data_loading");
        yield return new("keyerror-in-dataloader-worker", In(Py("KeyError",
            "Caught KeyError in DataLoader worker process 0.\nOriginal Traceback (most recent call last):\n  File \"/work/data.py\", line 41, in __getitem__\n    ids = row['input_ids']\nKeyError: 'input_ids'",
            [Sp + "torch/utils/data/dataloader.py:__next__", Sp + "torch/utils/data/dataloader.py:_next_data", Sp + "torch/_utils.py:reraise"])),
            C.DataError, "data-dataloader-worker-exception", "high", "data_loading");
        yield return new("image-missing-in-getitem", In(Py("FileNotFoundError", "[Errno 2] No such file or directory: '/mnt/data/images/000123.jpg'",
            [Sp + "torch/utils/data/_utils/fetch.py:fetch", "/work/dataset.py:__getitem__", Sp + "PIL/Image.py:open"])),
            C.DataError, "data-file-not-found-in-loader", "high", "data_loading");
        yield return new("train-jsonl-missing", In(Py("FileNotFoundError", "[Errno 2] No such file or directory: 'data/train.jsonl'", ["train.py:main", "train.py:read_rows"])),
            C.DataError, "data-file-not-found-data-extension", "medium", "data_loading");
        yield return new("keyerror-column-in-getitem", In(Py("KeyError", "'conversations'",
            [Sp + "torch/utils/data/_utils/fetch.py:fetch", "/work/sft_data.py:__getitem__", "/work/sft_data.py:format_sample"])),
            C.DataError, "data-bad-sample-in-getitem", "medium", "data_loading");
        yield return new("json-decode-line", In(null, E(44, "json.decoder.JSONDecodeError: Expecting value: line 1 column 1 (char 0)", phase: "PreTokenize")),
            C.DataError, "data-datasets-message", "medium", "data_loading");
    }
}
