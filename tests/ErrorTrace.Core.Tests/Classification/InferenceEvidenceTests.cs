using ErrorTrace.Core.Classification;
using ErrorTrace.Core.Reports;
using static ErrorTrace.Core.Tests.Classification.T;

namespace ErrorTrace.Core.Tests.Classification;

/// <summary>
/// More of what a log really shows about the phase of a GPU OOM, each with the near miss it must not fire on: native
/// inference engines (mistral.rs, llama.cpp/ggml, Ollama) named in their own log targets, panic paths and C functions;
/// TF Estimator's loop-end and evaluation-start lines and its training step lines; ggml's device buffer that could not be
/// allocated.
/// </summary>
public sealed class InferenceEvidenceTests
{
    private const string Oom = "CUDA out of memory. Tried to allocate 224.00 MiB (GPU 0; 10.73 GiB total capacity; 9.85 GiB already allocated)";

    [Theory]
    [InlineData("2025-01-12T10:40:23Z ERROR mistralrs_core::engine: step - Model failed with error: Cuda(DriverError(CUDA_ERROR_OUT_OF_MEMORY, \"out of memory\"))")]
    [InlineData("thread '<unnamed>' panicked at mistralrs-core/src/pipeline/mistral.rs:409:17:")]
    [InlineData("ggml_backend_cuda_buffer_type_alloc_buffer: allocating 18000.00 MiB on device 0: cudaMalloc failed: out of memory")]
    [InlineData("llama_new_context_with_model: failed to allocate compute buffers")]
    [InlineData("$ ./build/bin/llama-server -m models/llama-3-70b.Q4_K_M.gguf -c 32768 -ngl 99")]
    [InlineData("time=2024-06-01T10:00:00Z level=ERROR source=sched.go:344 msg=\"error loading llama server\" error=\"llama runner process has terminated: exit status 0xc0000409\"")]
    public void A_native_inference_engines_own_lines_make_an_inference_program(string line) =>
        Assert.Equal((FailureCategory.OomEval, "evaluation"), Classify(Forward(), line));

    [Theory]
    [InlineData("$ llamafactory-cli train examples/train_lora/llama3_lora_sft.yaml")]
    [InlineData("Loading checkpoint shards for mistralai/Mistral-7B-v0.1 and meta-llama/Llama-2-7b-hf")]
    public void Model_names_a_trainer_fine_tunes_are_not_an_inference_engine(string line) =>
        Assert.Equal(FailureCategory.OomTraining, Classify(Forward(), line).Category);

    [Fact]
    public void Llama_cpps_finetune_example_with_loss_lines_is_training() =>
        Assert.Equal(FailureCategory.OomTraining, Classify(Forward(),
            "llama_new_context_with_model: n_ctx = 512",
            "opt_callback: iter=    12 sched=0.120000 loss=2.431 dt=00:00:03 eta=00:12:00").Category);

    [Fact]
    public void A_native_engines_error_line_alone_is_an_inference_oom()
    {
        var input = new ClassificationInput(null, [],
            [E(20, "mistralrs_core::engine: step - Model failed with error: Cuda(Cuda(DriverError(CUDA_ERROR_OUT_OF_MEMORY, \"out of memory\")))")], null);

        Assert.Equal(FailureCategory.OomEval, FailureClassifier.Classify(input, RuleSet.Default)!.ErrorType);
    }

    [Theory]
    [InlineData("ggml_gallocr_reserve_n: failed to allocate CUDA0 buffer of size 18035509504")]
    [InlineData("ggml_gallocr_reserve_n: failed to allocate ROCm0 buffer of size 18035509504")]
    public void Ggmls_device_buffer_that_cannot_be_allocated_is_a_gpu_oom(string line) =>
        Assert.Equal(FailureCategory.OomEval, Lines(line).Category);

    [Fact]
    public void Ggmls_host_buffer_that_cannot_be_allocated_is_not_a_gpu_oom() =>
        Assert.DoesNotContain(Lines("ggml_gallocr_reserve_n: failed to allocate CPU buffer of size 18035509504").Category,
            new[] { FailureCategory.OomEval, FailureCategory.OomTraining });

    [Theory]
    [InlineData("INFO:tensorflow:prediction_loop marked as finished")]
    [InlineData("I0609 09:17:41.698615 140411182167872 error_handling.py:115] evaluation_loop marked as finished")]
    [InlineData("INFO:tensorflow:Starting evaluation at 2019-03-13T10:11:12Z")]
    public void An_estimators_evaluation_or_prediction_loop_before_the_death_is_evaluation(string line) =>
        Assert.Equal((FailureCategory.OomEval, "evaluation"), Classify(Session(), line, "WARNING:tensorflow:Reraising captured error"));

    [Fact]
    public void An_estimators_training_loop_end_before_the_death_is_training() =>
        Assert.Equal((FailureCategory.OomTraining, "training"),
            Classify(Session(), "INFO:tensorflow:training_loop marked as finished", "WARNING:tensorflow:Reraising captured error"));

    [Fact]
    public void Training_resumed_after_an_estimator_evaluation_is_training() =>
        Assert.Equal(FailureCategory.OomTraining, Classify(Session(),
            "INFO:tensorflow:evaluation_loop marked as finished", "INFO:tensorflow:loss = 0.31234, step = 1200 (12.345 sec)").Category);

    [Fact]
    public void An_evaluation_started_after_training_finished_is_evaluation() =>
        Assert.Equal(FailureCategory.OomEval, Classify(Session(),
            "INFO:tensorflow:loss = 0.31234, step = 1200", "INFO:tensorflow:training_loop marked as finished",
            "INFO:tensorflow:Starting evaluation at 2019-03-13T10:11:12Z").Category);

    [Theory]
    [InlineData("$ python val.py --weights runs/train/exp/weights/best.pt --data coco.yaml --img 640")]
    [InlineData("$ python detect.py --source data/images --weights yolov7.pt")]
    [InlineData("(venv) C:\\proj> python app.py --share")]
    [InlineData("python -m scripts.inference --inference_config configs/inference/test.yaml --batch_size 1")]
    [InlineData("python -m mlx_lm.generate --model mlx-community/Mistral-7B-Instruct-v0.3-4bit --prompt hi")]
    [InlineData("python -m llava.serve.cli --model-path liuhaotian/llava-v1.5-7b --image-file view.jpg")]
    [InlineData("$ fairseq-interactive data-bin/wmt16.en-de --path checkpoint_best.pt --beam 5")]
    [InlineData("root@7ab936c99d66:~/fairseq# fairseq generate-lines -path wmt14.en-fr.fconv-cuda/model.th7 -beam 5")]
    public void A_validation_detection_serving_or_translation_program_only_infers(string command) =>
        Assert.Equal((FailureCategory.OomEval, "evaluation"), Classify(Forward(), command));

    [Theory]
    [InlineData("python -m torch.distributed.run --nproc_per_node 8 finetune.py")]
    [InlineData("deepspeed --module llava.train.train_mem --deepspeed zero3.json")]
    [InlineData("python -m llava.train.train_mem --model_name_or_path lmsys/vicuna-7b")]
    [InlineData("$ fairseq-train data-bin/wmt16.en-de --arch transformer --max-tokens 4096")]
    [InlineData("root@box:/app# python /app/finetune.py --epochs 3")]
    [InlineData("python approval_model.py --lr 1e-4")]
    public void A_training_run_or_a_name_that_only_contains_those_words_is_not_inference(string command) =>
        Assert.Equal(FailureCategory.OomTraining, Classify(Forward(), command).Category);

    private static string[] Forward() => ["run.py:<module>", "run.py:main", Sp + "torch/nn/modules/module.py:_call_impl", Sp + "torch/nn/modules/conv.py:forward"];

    private static string[] Session() => [Sp + "tensorflow/python/client/session.py:_do_call", Sp + "tensorflow/python/client/session.py:_run_fn"];

    private static (string Category, string Phase) Classify(string[] frames, params string[] lines)
    {
        var root = Py("torch.cuda.OutOfMemoryError", Oom, frames, line: 1000);
        var input = In(root) with { Context = [.. lines.Select((l, i) => new ContextLine(900 + i, l))] };
        var analysis = FailureClassifier.Classify(input, RuleSet.Default)!;
        return (analysis.ErrorType, analysis.ErrorPhase);
    }

    private static (string Category, string? Rule) Lines(params string[] lines)
    {
        var analysis = FailureClassifier.Classify(new ClassificationInput(null, [], [], null)
        {
            Context = [.. lines.Select((l, i) => new ContextLine(100 + i, l))],
        }, RuleSet.Default);
        return (analysis?.ErrorType ?? "(no analysis)", analysis?.RuleId);
    }
}
