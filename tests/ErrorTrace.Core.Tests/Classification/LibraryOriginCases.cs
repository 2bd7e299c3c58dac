using ErrorTrace.Core.Classification;
using ErrorTrace.Core.Reports;
using static ErrorTrace.Core.Tests.Classification.T;
using C = ErrorTrace.Core.Classification.FailureCategory;

namespace ErrorTrace.Core.Tests.Classification;

/// <summary>
/// Mechanisms read from where a builtin exception was raised rather than from its words: a TypeError or AttributeError
/// inside a library built on the tensor framework (versions that do not fit), any ValueError of a training or serving
/// library (how it was configured), a builtin raised while loading or converting a checkpoint (checkpoint and model do
/// not match), a conversion of sys.argv on the failing line; and three families whose words name the mechanism
/// (BatchNorm given one sample, a tokenizer without a pad token seen where it is used, OpenCV resizing an image that
/// did not load). Names, versions and projects other than the corpus logs they were written from.
/// </summary>
internal static class LibraryOriginCases
{
    public static IEnumerable<ClassificationCase> All()
    {
        yield return new("library-calls-another-packages-constructor-with-a-removed-keyword", In(Py("TypeError",
            "AsyncEngineArgs.__init__() got an unexpected keyword argument 'disable_log_requests'",
            ["/work/eval/run.py:main", Sp + "lm_eval/models/vllm_causallms.py:__init__", Sp + "sglang/srt/server_args.py:from_cli"])),
            C.DependencyError, "dependency-builtin-raised-inside-an-ecosystem-library", "medium");
        yield return new("library-reads-an-attribute-of-its-own-other-release", In(Py("AttributeError",
            "type object 'DynamicCache' has no attribute 'from_legacy_cache'",
            ["/work/sft/generate.py:main", Sp + "peft/peft_model.py:generate", Sp + "peft/peft_model.py:prepare_inputs_for_generation"])),
            C.DependencyError, "dependency-builtin-raised-inside-an-ecosystem-library", "medium");
        yield return new("serving-library-valueerror-outside-a-check-function", In(Py("ValueError",
            "max_num_batched_tokens (2048) is smaller than max_model_len (8192).",
            ["/work/serve/app.py:main", Sp + "vllm/engine/llm_engine.py:_initialize_kv_caches"])),
            C.ConfigError, "config-builtin-raised-by-a-library-argument-check", "medium");
        yield return new("converter-lacks-a-key-of-the-checkpoint", In(Py("KeyError", "'model.embed_tokens.weight'",
            ["/work/tools/convert_hf_to_megatron.py:main", "/work/tools/convert_hf_to_megatron.py:load_hf_layers"])),
            C.ConfigError, "config-builtin-while-loading-or-converting-weights", "medium");
        yield return new("weights-loader-finds-another-shape", In(Py("ValueError",
            "Expected shape (2048, 256) but received shape (2048, 2048) for parameter layers.3.attn.k_proj.weight",
            ["/work/app/generate.py:main", "/work/app/model_io.py:restore_weights"])),
            C.ConfigError, "config-builtin-while-loading-or-converting-weights", "medium");
        yield return new("command-line-value-that-is-not-a-number", In(Py("ValueError", "invalid literal for int() with base 10: 'Files\\\\dataset'") with
        {
            Frames = [new TracebackFrame { File = "C:\\tools\\voice\\preprocess.py", Function = "<module>", Line = 9, Code = "n_workers = int(sys.argv[3])" }],
        }), C.ConfigError, "config-command-line-value-does-not-parse", "high", "initialization");
        yield return new("batchnorm-given-a-single-sample", In(Py("ValueError",
            "Expected more than 1 value per channel when training, got input size torch.Size([1, 512])",
            ["/work/cls/train.py:train_one_epoch", "/work/cls/net.py:forward", Sp + "torch/nn/functional.py:batch_norm"])),
            C.ConfigError, "config-batchnorm-batch-of-one", "high", "training");
        yield return new("collator-pads-with-a-missing-pad-token-id", In(Py("TypeError",
            "pad_sequence(): argument 'padding_value' (position 3) must be float, not NoneType",
            ["/work/rm/collator.py:__call__", Sp + "torch/nn/utils/rnn.py:pad_sequence"])),
            C.ConfigError, "config-tokenizer-pad-token-unset", "high", "initialization");
        yield return new("special-token-read-off-a-tokenizer-that-was-not-loaded", In(Py("AttributeError",
            "'NoneType' object has no attribute 'eos_token_id'",
            ["/work/ui/modules/finetune.py:start"])),
            C.ConfigError, "config-tokenizer-pad-token-unset", "high", "initialization");
        yield return new("opencv-resize-of-an-image-that-did-not-load", In(Py("cv2.error",
            "OpenCV(4.8.0) /io/opencv/modules/imgproc/src/resize.cpp:4062: error: (-215:Assertion failed) !ssize.empty() in function 'resize'",
            ["/work/face/prepare.py:load_images"])),
            C.DataError, "data-unreadable-file-named-in-a-line", "medium", "data_loading");
        yield return new("policy-std-gone-nan-in-action-sampling", In(Py("RuntimeError", "normal expects all elements of std >= 0.0",
            ["/work/rl/scripts/train.py:main", Sp + "rsl_rl/runners/on_policy_runner.py:learn", Sp + "torch/distributions/normal.py:sample"])),
            C.NumericalError, "numerical-sampling-std-not-finite", "high", "training");
        yield return new("float64-target-mixed-into-the-loss", In(Py("RuntimeError", "Found dtype Double but expected Float",
            ["/work/seg/train.py:train_epoch", Sp + "torch/_tensor.py:backward", Sp + "torch/autograd/__init__.py:backward"])),
            C.UserCode, "user-code-gradient-dtype-mismatch", "medium", "training");
        yield return new("assert-on-the-runs-settings-in-the-jobs-code", In(Py("AssertionError", "",
            ["/work/lm/pretrain.py:main", "/work/lm/model/parallel.py:split_heads"])),
            C.ConfigError, "config-assertion-checks-the-runs-inputs", "low");
        yield return new("custom-env-fails-the-gym-api-check", In(Py("AssertionError",
            "The obs returned by the `step()` method is not within the observation space.",
            ["/work/rl/train_agent.py:main", Sp + "gymnasium/utils/env_checker.py:check_env", Sp + "gymnasium/utils/passive_env_checker.py:env_step_passive_checker"])),
            C.UserCode, "user-code-environment-fails-the-env-checker", "medium");
        yield return new("json-config-that-does-not-parse-read-by-the-job", In(Py("json.decoder.JSONDecodeError",
            "Expecting property name enclosed in double quotes: line 7 column 1 (char 143)") with
        {
            Frames =
            [
                new TracebackFrame { File = "/work/det/train.py", Function = "main", Line = 31, Code = "cfg = json.load(open(args.config_path))" },
                new TracebackFrame { File = "/usr/lib/python3.10/json/__init__.py", Function = "load", Line = 293, Code = "return loads(fp.read()," },
                new TracebackFrame { File = "/usr/lib/python3.10/json/decoder.py", Function = "raw_decode", Line = 353, Code = "obj, end = self.scan_once(s, idx)" },
            ],
        }), C.ConfigError, "config-json-read-as-the-runs-config", "high", "initialization");
        yield return new("operation-the-backend-does-not-implement", In(Py("NotImplementedError",
            "Could not run 'aten::_upsample_bicubic2d_aa.out' with arguments from the 'XLA' backend.",
            ["/work/vision/train.py:main", Sp + "torch/nn/functional.py:interpolate"])),
            C.DependencyError, "dependency-operation-not-implemented-here", "low");
    }
}
