using ErrorTrace.Core.Classification;
using static ErrorTrace.Core.Tests.Classification.T;
using C = ErrorTrace.Core.Classification.FailureCategory;

namespace ErrorTrace.Core.Tests.Classification;

/// <summary>Setups that do not fit the model or the library: a serving engine's context length, labels outside the
/// output layer, a checkpoint of another shape or parallel layout, a chat template without a generation prompt, a
/// trainer keyword of another library version; in the wordings real logs print them, also as bare lines.</summary>
internal static class ServingAndSetupCases
{
    private static readonly string[] s_vllmWorker =
    [
        Sp + "vllm/executor/multiproc_worker_utils.py:_run_worker_process", Sp + "vllm/worker/worker.py:initialize_cache",
        Sp + "vllm/worker/worker.py:raise_if_cache_size_invalid",
    ];

    public static IEnumerable<ClassificationCase> All()
    {
        // A serving engine's context length: longer than the KV cache or the model's positions.
        yield return new("vllm-max-seq-len-over-kv-cache", In(Py("ValueError",
            "The model's max seq len (131072) is larger than the maximum number of tokens that can be stored in KV cache (79392). Try increasing `gpu_memory_utilization` or decreasing `max_model_len` when initializing the engine.",
            s_vllmWorker)),
            C.ConfigError, "config-context-length-exceeds-model", "high", "initialization");
        yield return new("vllm-max-model-len-over-derived-line-only", In(null) with
        {
            Context =
            [
                new ContextLine(3, "Value error, User-specified max_model_len (131072) is greater than the derived max_model_len (max_position_embeddings=32768.0 or model_max_length=None in model's config.json). To allow overriding this maximum, set the env var VLLM_ALLOW_LONG_MAX_MODEL_LEN=1."),
            ],
        }, C.ConfigError, "config-context-length-exceeds-model", "medium", "initialization");

        // A label the output layer has no unit for.
        yield return new("tf-label-outside-valid-range-line", In(null) with
        {
            Context = [new ContextLine(1, "InvalidArgumentError (see above for traceback): Received a label value of 48 which is outside the valid range of [0, 40).  Label values: 1 23 24 47")],
        }, C.ConfigError, "config-labels-outside-model-output", "medium");
        yield return new("torch-cpu-target-out-of-bounds", In(Py("IndexError", "Target 5 is out of bounds.",
            ["train.py:main", "train.py:train_epoch", Sp + "torch/nn/modules/loss.py:forward", Sp + "torch/nn/functional.py:cross_entropy"])),
            C.DataError, "data-labels-outside-model-output", "medium");
        yield return new("mmdet-num-classes-check-head", In(Py("AssertionError",
            "The `num_classes` (80) in Shared2FCBBoxHead of MMDistributedDataParallel does not matches the length of `CLASSES` 54) in CocoDataset",
            ["tools/train.py:main", Sp + "mmcv/runner/epoch_based_runner.py:train", Sp + "mmcv/runner/base_runner.py:call_hook",
             "/work/mmdet/datasets/utils.py:before_train_epoch", "/work/mmdet/datasets/utils.py:_check_head"])),
            C.ConfigError, "config-labels-outside-model-output", "medium");

        // A checkpoint of another parallel layout; a checkpoint's mismatch lines pasted without their exception line.
        yield return new("zero-checkpoint-of-another-world-size", In(Py("deepspeed.runtime.zero.utils.ZeRORuntimeException",
            "The checkpoint being loaded used a DP world size of 256 but the current world size is 2. Automatic adjustment of ZeRO's optimizer state partitioning with a new world size is not currently supported.",
            ["pretrain_glm.py:main", Sp + "deepspeed/runtime/engine.py:load_checkpoint", Sp + "deepspeed/runtime/engine.py:_load_zero_checkpoint"])),
            C.ConfigError, "config-checkpoint-mismatch", "high", "initialization");
        yield return new("size-mismatch-lines-without-exception", In(null) with
        {
            Context =
            [
                new ContextLine(40, "size mismatch for model.norm.weight: copying a param with shape torch.Size([1024]) from checkpoint, the shape in current model is torch.Size([4096])."),
                new ContextLine(41, "size mismatch for lm_head.weight: copying a param with shape torch.Size([151936, 1024]) from checkpoint, the shape in current model is torch.Size([151936, 4096])."),
            ],
        }, C.ConfigError, "config-checkpoint-mismatch", "medium", "initialization");

        // A chat template without a generation prompt (Unsloth's check), as an error line whose second line holds the words.
        yield return new("unsloth-template-without-generation-prompt", In(Py("RuntimeError", "Unsloth: The tokenizer `PowerInfer/SmallThinker-3B-Preview`"),
            E(3, "RuntimeError: Unsloth: The tokenizer `PowerInfer/SmallThinker-3B-Preview`\ndoes not have a {% if add_generation_prompt %} for generation purposes.")),
            C.ConfigError, "config-chat-template-missing", "medium");

        // A trainer keyword of another library version.
        yield return new("dpo-trainer-keyword-of-newer-trl", In(Py("TypeError", "DPOTrainer.__init__() got an unexpected keyword argument 'loss_type'",
            ["/home/u/dpo/train.py:<module>", "/home/u/dpo/train.py:main"])),
            C.DependencyError, "dependency-trainer-lacks-keyword", "medium", "initialization");

        // bf16 refused by a serving engine's own log line before its (cut) traceback.
        yield return new("bf16-refused-in-an-engine-log-line", In(Py("", "", ["/opt/nim/llm/engine/factory.py:nim_run_mp_engine", Sp + "vllm/engine/llm_engine.py:__init__"], line: 20)) with
        {
            Context = [new ContextLine(1, "ERROR 2025-07-21 14:34:24.934 async_trtllm_engine_factory.py:62] Bfloat16 is only supported on GPUs with compute capability of at least 8.0. Your Quadro RTX 6000 GPU has compute capability 7.5.")],
        }, C.ConfigError, "config-bf16-unsupported", "medium", "initialization");
    }
}
