using ErrorTrace.Core.Classification;
using static ErrorTrace.Core.Tests.Classification.T;

namespace ErrorTrace.Core.Tests.Classification;

/// <summary>
/// GPU memory exhausted while the program only infers (a generation notebook, a test or prediction script, a
/// transcription or image-generation front end) is <c>oom_eval</c>; the evidence is the program's, not one sentence: the
/// script's name on its command line or in its frames, a no-grad decorator on the stack, an inference-only package, a
/// test loop's progress bar, the short validation function names research loops use. Training evidence anywhere wins.
/// </summary>
public sealed class InferencePhaseTests
{
    private const string Oom = "CUDA out of memory. Tried to allocate 2.00 GiB (GPU 0; 11.17 GiB total capacity; 8.90 GiB already allocated)";

    [Theory]
    [InlineData("$ python tools/infer_segmentation.py --ckpt last.pth")]
    [InlineData("CUDA_VISIBLE_DEVICES=1 python3 predict.py --input samples/")]
    [InlineData("(venv) user@box:~/proj$ python sample_images.py --n 64")]
    [InlineData("python -u run_eval.py --model ckpt/best")]
    public void An_inference_script_on_the_command_line_makes_an_oom_eval(string command) =>
        Assert.Equal((FailureCategory.OomEval, "evaluation"), Classify(Forward(), [command]));

    [Fact]
    public void An_inference_script_in_the_frames_makes_an_oom_eval() =>
        Assert.Equal((FailureCategory.OomEval, "evaluation"),
            Classify(["caption_demo.py:<module>", "caption_demo.py:main", Sp + "torch/nn/modules/module.py:_call_impl"], []));

    [Theory]
    [InlineData("python train_and_eval.py --epochs 3")]
    [InlineData("python train.py --config configs/test.yaml")]
    public void A_script_named_for_training_is_not_inference(string command) =>
        Assert.Equal(FailureCategory.OomTraining, Classify(Forward(), [command]).Category);

    [Fact]
    public void Training_lines_win_over_an_inference_script_name() =>
        Assert.Equal(FailureCategory.OomTraining,
            Classify(Forward(), ["python test_model.py", "step 120 | loss: 2.31 | lr 1e-4"]).Category);

    [Theory]
    [InlineData("/opt/conda/lib/python3.11/site-packages/torch/utils/_contextlib.py")]
    [InlineData("/usr/lib/python3/dist-packages/torch/autograd/grad_mode.py")]
    public void A_no_grad_decorator_on_the_stack_is_evaluation(string decorator) =>
        Assert.Equal((FailureCategory.OomEval, "evaluation"),
            Classify(["notebook.ipynb:<module>", decorator + ":decorate_context", Sp + "mylib/model.py:forward"], []));

    [Fact]
    public void A_no_grad_helper_under_the_training_loop_is_training() =>
        Assert.Equal((FailureCategory.OomTraining, "training"),
            Classify(["train.py:main", Trainer + ":train", Sp + "torch/utils/_contextlib.py:decorate_context", Sp + "torch/distributed/fsdp/_runtime_utils.py:_unshard"], []));

    [Theory]
    [InlineData("whisper/__init__.py:load_model")]
    [InlineData("faster_whisper/transcribe.py:__init__")]
    [InlineData("onnxruntime/capi/onnxruntime_inference_collection.py:run")]
    public void An_inference_only_package_on_the_stack_is_evaluation(string frame) =>
        Assert.Equal((FailureCategory.OomEval, "evaluation"), Classify(["app.py:main", Sp + frame], []));

    [Fact]
    public void A_test_loops_progress_bar_is_evaluation() =>
        Assert.Equal((FailureCategory.OomEval, "evaluation"),
            Classify(["tools/run.py:main"], ["[>>>>>>>>>>>>                     ] 31/120, 2.4 task/s, elapsed: 13s, ETA:    37s"]));

    [Theory]
    [InlineData("__val")]
    [InlineData("val_step")]
    [InlineData("_val_epoch")]
    [InlineData("test_one_epoch")]
    public void Short_validation_function_names_are_evaluation(string function) =>
        Assert.Equal((FailureCategory.OomEval, "evaluation"),
            Classify(["main.py:<module>", "/work/seg/trainer.py:train", $"/work/seg/trainer.py:{function}", Sp + "torch/nn/modules/module.py:_call_impl"], []));

    [Fact]
    public void A_pytest_function_is_not_a_validation_loop() =>
        Assert.Equal("training", Classify(["/work/tests/test_model.py:test_forward_backward", "/work/model.py:train_step"], []).Phase);

    [Theory]
    [InlineData("RuntimeError", "cuda runtime error (2) : out of memory at /opt/src/THC/THCStorage.cu:58")]
    [InlineData("mxnet.base.MXNetError", "[08:12:44] src/storage/pooled_storage_manager.h:151: cudaMalloc retry failed: out of memory")]
    [InlineData("RuntimeError", "CUDA failed with error out of memory")]
    [InlineData("RuntimeError", "UR_RESULT_ERROR_OUT_OF_DEVICE_MEMORY")]
    [InlineData("RuntimeError", "Native API failed. Native API returns: -5 (PI_ERROR_OUT_OF_RESOURCES): the device ran out of device memory")]
    public void Runtime_wordings_of_gpu_memory_exhaustion_are_gpu_oom(string type, string message)
    {
        var analysis = FailureClassifier.Classify(In(Py(type, message, ["train.py:main", "train.py:train_step"])), RuleSet.Default)!;

        Assert.Equal((FailureCategory.OomTraining, "gpu-oom"), (analysis.ErrorType, analysis.RuleId));
    }

    [Theory]
    [InlineData("MemoryError", "Unable to allocate 12.0 GiB for an array with shape (40000, 40000) and data type float64")]
    [InlineData("RuntimeError", "DataLoader worker (pid 311) is killed by signal: Killed. CUDA_VISIBLE_DEVICES=0 was set")]
    [InlineData("OSError", "[Errno 12] Cannot allocate memory while pinning CUDA host buffers")]
    public void Host_memory_exhaustion_near_a_cuda_word_is_not_gpu_oom(string type, string message)
    {
        var analysis = FailureClassifier.Classify(In(Py(type, message, ["train.py:main", "train.py:train_step"])), RuleSet.Default)!;

        Assert.Equal(FailureCategory.HostOom, analysis.ErrorType);
    }

    [Theory]
    [InlineData("server-1  | 2023-12-22T00:21:35Z ERROR batch{batch_size=1}:prefill: text_generation_client: router/client/src/lib.rs:33: Server error: warmup done")]
    [InlineData("2024-03-01T10:00:02Z  INFO text_generation_launcher: Starting shard rank=0")]
    [InlineData("(EngineCore_DP0 pid=2107) INFO 11-04 18:54:33 [core.py:71] Initializing a V1 LLM engine with config: model='Qwen/Qwen3-8B'")]
    [InlineData("$ vllm serve mistralai/Mistral-7B-v0.1 --dtype half --max-model-len 4096")]
    [InlineData("python -m sglang.launch_server --model-path deepseek-ai/DeepSeek-V3 --tp 8")]
    [InlineData("self.token_to_kv_pool_allocator.available_size()=2048")]
    public void A_servers_own_lines_make_an_inference_program(string line) =>
        Assert.Equal((FailureCategory.OomEval, "evaluation"), Classify(Forward(), [line]));

    [Fact]
    public void An_rl_trainer_that_rolls_out_with_vllm_is_training() =>
        Assert.Equal(FailureCategory.OomTraining, Classify(
            ["train_grpo.py:main", Trainer + ":train", Trainer + ":_inner_training_loop", Sp + "trl/trainer/grpo_trainer.py:_prepare_inputs",
             Sp + "torch/nn/modules/module.py:_call_impl"],
            ["(EngineCore_DP0 pid=311) INFO 06-02 [core.py:71] Initializing a V1 LLM engine", "vllm_gpu_memory_utilization=0.3"]).Category);

    [Fact]
    public void A_vllm_source_checkout_in_a_cut_tracebacks_frames_is_an_inference_program()
    {
        var line = Py("", "", ["/home/u/code/vllm/vllm/engine/multiprocessing/engine.py:start",
            "/home/u/code/vllm/vllm/engine/multiprocessing/engine.py:run_engine_loop"], line: 20);
        var input = new ClassificationInput(null, [line], [E(10, "OutOfMemoryError('" + Oom + "')")], null);

        Assert.Equal(FailureCategory.OomEval, FailureClassifier.Classify(input, RuleSet.Default)!.ErrorType);
    }

    [Fact]
    public void A_project_merely_named_after_vllm_is_not_an_inference_program() =>
        Assert.Equal(FailureCategory.OomTraining,
            Classify(["/home/u/code/vllm-bench/train.py:<module>", "/home/u/code/vllm-bench/model/vllm_layers.py:forward"], []).Category);

    [Theory]
    [InlineData("RuntimeError", "Decode out of memory. Try to lower your batch size.\nTry to allocate 148 tokens.\nAvaliable tokens: 2048")]
    [InlineData("RuntimeError", "Prefill out of memory. Try to lower your batch size.")]
    public void SGLangs_token_pool_exhaustion_is_an_inference_oom(string type, string message) =>
        Assert.Equal(FailureCategory.OomEval, FailureClassifier.Classify(In(Py(type, message)), RuleSet.Default)!.ErrorType);

    [Fact]
    public void Running_out_of_memory_while_decoding_a_file_is_not_a_gpu_oom() =>
        Assert.DoesNotContain(FailureClassifier.Classify(In(Py("MemoryError", "out of memory while decoding the JPEG file")), RuleSet.Default)!.ErrorType,
            new[] { FailureCategory.OomEval, FailureCategory.OomTraining });

    private static string[] Forward() => ["run.py:<module>", "run.py:main", Sp + "torch/nn/modules/module.py:_call_impl", Sp + "torch/nn/modules/conv.py:forward"];

    private static (string Category, string Phase) Classify(string[] frames, string[] lines)
    {
        var root = Py("torch.cuda.OutOfMemoryError", Oom, frames, line: 1000);
        var input = In(root) with { Context = [.. lines.Select((l, i) => new ContextLine(900 + i, l))] };
        var analysis = FailureClassifier.Classify(input, RuleSet.Default)!;
        return (analysis.ErrorType, analysis.ErrorPhase);
    }
}
