using ErrorTrace.Core.Classification;
using ErrorTrace.Core.Reports;
using static ErrorTrace.Core.Tests.Classification.T;

namespace ErrorTrace.Core.Tests.Classification;

/// <summary>
/// Training or evaluation for a GPU OOM that no traceback carries (TensorFlow's allocator lines, MXNet's dmlc fatal line,
/// XLA's status lines on a TPU): the phase comes from the lines before the death and the program, as for a traceback, and
/// never from the rule's surface alone. Then the allocator wordings of old and non-PyTorch stacks, and TensorFlow's
/// RESOURCE_EXHAUSTED that is a full disk.
/// </summary>
public sealed class OomPhaseTests
{
    private const string TfAllocator =
        "W tensorflow/core/framework/op_kernel.cc:968] Resource exhausted: OOM when allocating tensor with shape[256,832,7,7]";

    [Fact]
    public void An_oom_logged_only_as_a_line_is_training_without_evaluation_evidence() =>
        Assert.Equal((FailureCategory.OomTraining, "gpu-oom"), Lines("INFO:tensorflow:global step 1200: loss = 2.31", TfAllocator));

    [Fact]
    public void An_oom_logged_only_as_a_line_after_a_validation_bar_is_evaluation() =>
        Assert.Equal((FailureCategory.OomEval, "gpu-oom-eval"), Lines("Validation DataLoader 0:  45%|████▌     | 9/20 [00:01<00:01,  6.52it/s]", TfAllocator));

    [Fact]
    public void A_validation_bar_followed_by_the_next_epochs_bar_is_training() =>
        Assert.Equal(FailureCategory.OomTraining,
            Lines("Validation DataLoader 0: 100%|██| 20/20", "Epoch 2:   5%|▌ | 10/200 [00:03<01:00, loss=0.7]", TfAllocator).Category);

    [Fact]
    public void An_error_line_oom_takes_the_phase_of_the_lines_before_it_too() =>
        Assert.Equal(FailureCategory.OomTraining, Classify(new ClassificationInput(null, [], [E(20, "cudaMalloc failed: out of memory")], null)
        {
            Context = [new ContextLine(10, "initalizing trainer")],
        }).ErrorType);

    [Theory]
    [InlineData("THCudaCheck FAIL file=/pytorch/aten/src/THC/generic/THCStorage.cu line=58 error=2 : out of memory")]
    [InlineData("2021-07-09 08:27:36.434321: E external/org_tensorflow/tensorflow/compiler/xla/pjrt/pjrt_stream_executor_client.cc:1981] Execution of replica 3 failed: Resource exhausted: Failed to allocate request for 32.00MiB (33554432B) on device ordinal 3")]
    [InlineData("RESOURCE_EXHAUSTED: Error allocating device buffer: Attempting to allocate 15.65G. That was not possible.")]
    public void Allocator_wordings_of_old_and_xla_stacks_are_gpu_oom(string line) =>
        Assert.Equal(FailureCategory.OomTraining, Lines("step 10 loss: 2.1", line).Category);

    [Theory]
    [InlineData("THCudaCheck FAIL file=/pytorch/aten/src/THC/THCCachingHostAllocator.cpp line=265 error=59 : device-side assert triggered")]
    [InlineData("grpc._channel._Rendezvous: <_Rendezvous of RPC that terminated with: status = StatusCode.RESOURCE_EXHAUSTED details = \"Received message larger than max (8388653 vs. 4194304)\">")]
    [InlineData("Resource exhausted: ./model/model-49.tempstate5787507096018461664")]
    public void Near_misses_of_those_wordings_are_not_gpu_oom(string line) =>
        Assert.DoesNotContain(Lines("step 10 loss: 2.1", line).Category, new[] { FailureCategory.OomTraining, FailureCategory.OomEval });

    [Fact]
    public void Tensorflows_resource_exhausted_while_writing_a_checkpoint_is_a_full_disk()
    {
        var root = Py("ResourceExhaustedError", "./model/model-49.tempstate5787507096018461664\n\t [[Node: save/save = SaveSlices[T=[DT_FLOAT]]]]",
            ["train.py:<module>", "train.py:train", Sp + "tensorflow/python/training/saver.py:save", Sp + "tensorflow/python/client/session.py:_do_call"]);

        Assert.Equal(("disk_error", "disk-tf-resource-exhausted-writing-file"), Rule(In(root)));
    }

    [Fact]
    public void A_gpu_oom_inside_the_save_op_is_still_a_gpu_oom()
    {
        var root = Py("tensorflow.python.framework.errors_impl.ResourceExhaustedError",
            "OOM when allocating tensor with shape[4096,4096] and type float on /job:localhost/replica:0/task:0/device:GPU:0\n\t [[{{node save/SaveV2}}]]",
            ["train.py:<module>", "train.py:train", Sp + "tensorflow/python/training/saver.py:save"]);

        Assert.Equal(FailureCategory.OomTraining, Rule(In(root)).Category);
    }

    [Fact]
    public void An_oom_while_an_inference_script_loads_its_model_is_evaluation() =>
        Assert.Equal((FailureCategory.OomEval, "evaluation"), Traceback(
            ["/data/GrammarGPT/generate.py:<module>", "/data/GrammarGPT/generate.py:main", Sp + "transformers/models/auto/auto_factory.py:from_pretrained",
             Sp + "transformers/modeling_utils.py:_load_pretrained_model", Sp + "accelerate/utils/modeling.py:set_module_tensor_to_device"]));

    [Fact]
    public void An_oom_while_a_training_script_loads_its_model_is_not_evaluation() =>
        Assert.Equal((FailureCategory.OomTraining, "initialization"), Traceback(
            ["/data/proj/finetune.py:<module>", "/data/proj/finetune.py:main", Sp + "transformers/models/auto/auto_factory.py:from_pretrained",
             Sp + "transformers/modeling_utils.py:_load_pretrained_model"]));

    [Fact]
    public void An_inference_script_that_shows_a_training_bar_is_training() =>
        Assert.Equal(FailureCategory.OomTraining, Traceback(
            ["/data/proj/sample.py:<module>", "/data/proj/sample.py:main", Sp + "torch/nn/modules/module.py:_call_impl"],
            "Training:  12%|█▏        | 120/1000 [00:31<03:48,  3.85it/s]").Category);

    [Fact]
    public void The_bare_loop_and_a_record_tag_do_not_outweigh_the_last_validation_bar() =>
        Assert.Equal((FailureCategory.OomEval, "evaluation"), Traceback(
            ["/work/run.py:main", "/work/run.py:train", Sp + "torch/nn/modules/module.py:_call_impl"], "Validating:  40%|████      | 8/20", record: "SFT"));

    [Fact]
    public void Generation_inside_training_step_stays_training_after_a_generation_bar() =>
        Assert.Equal((FailureCategory.OomTraining, "training"), Traceback(
            ["train_grpo.py:main", Trainer + ":train", Trainer + ":_inner_training_loop", Trainer + ":training_step",
             Sp + "trl/trainer/grpo_trainer.py:_generate_and_score_completions", Sp + "transformers/generation/utils.py:generate"],
            "Processed prompts: 100%|██████████| 64/64 [00:04<00:00, 14.2it/s]"));

    [Fact]
    public void A_cut_traceback_takes_the_phase_of_the_jobs_next_traceback()
    {
        var root = Py("RuntimeError", "CUDA out of memory. Tried to allocate 4.10 GiB (GPU 3; 10.92 GiB total capacity)",
            ["/work/seg/lib/models/modules/base_oc_block.py:<listcomp>", Sp + "torch/nn/modules/module.py:__call__", "/work/seg/lib/models/modules/base_oc_block.py:forward"], line: 10);
        var next = Py("", "", ["/work/seg/main.py:<module>", "/work/seg/segmentor/trainer.py:train", "/work/seg/segmentor/trainer.py:__train",
            "/work/seg/segmentor/trainer.py:__val", Sp + "torch/nn/modules/module.py:__call__"], line: 20);

        Assert.Equal(FailureCategory.OomEval, Classify(WithFailures(root, next)).ErrorType);
    }

    [Fact]
    public void Other_ranks_waiting_in_backward_do_not_outweigh_the_roots_own_evaluation_frames()
    {
        var root = Py("torch.OutOfMemoryError", ModernOom, EvalLoop, line: 10, rank: 0);
        var peer = Py("torch.distributed.DistBackendError", "NCCL communicator was aborted", TrainStep, line: 40, rank: 1);

        Assert.Equal(FailureCategory.OomEval, Classify(WithFailures(root, peer)).ErrorType);
    }

    [Fact]
    public void Other_failures_do_not_place_a_failure_whose_own_frames_already_do()
    {
        var root = Py("torch.OutOfMemoryError", ModernOom, [.. TrainStep], line: 10);
        var next = Py("RuntimeError", "x", ["/work/run.py:main", "/work/run.py:evaluate"], line: 40);

        Assert.Equal(FailureCategory.OomTraining, Classify(WithFailures(root, next)).ErrorType);
    }

    [Fact]
    public void A_helper_named_for_evaluation_is_evaluation() =>
        Assert.Equal((FailureCategory.OomEval, "evaluation"), Traceback(
            ["unsupervised.py:<module>", "/work/MUSE/src/evaluation/evaluator.py:all_eval", "/work/MUSE/src/evaluation/evaluator.py:word_translation",
             "/work/MUSE/src/evaluation/word_translation.py:get_word_translation_accuracy"]));

    [Fact]
    public void A_driver_named_for_training_and_evaluation_is_not_evaluation() =>
        Assert.Equal(FailureCategory.OomTraining, Traceback(
            ["main.py:<module>", Sp + "tensorflow_estimator/python/estimator/training.py:train_and_evaluate",
             Sp + "tensorflow_estimator/python/estimator/estimator.py:_train_model_default"]).Category);

    [Fact]
    public void A_cut_traceback_whose_last_line_calls_validate_is_evaluation() =>
        Assert.Equal((FailureCategory.OomEval, "evaluation"), Traceback(CallingFromTrainLoop("valid_stats = self.validate(valid_iter)")));

    [Fact]
    public void A_call_that_only_starts_with_validate_is_not_evaluation() =>
        Assert.Equal(FailureCategory.OomTraining, Traceback(CallingFromTrainLoop("batch = self.validate_batch(batch)")).Category);

    private static TracebackFrame[] CallingFromTrainLoop(string code) =>
        [F("train.py:<module>"), F("train.py:main"), F("/work/onmt/trainer.py:train") with { Code = code }];

    private static (string Category, string Phase) Traceback(TracebackFrame[] frames)
    {
        var root = Py("RuntimeError", "CUDA error: out of memory", line: 1000) with { Frames = frames };
        var analysis = Classify(In(root));
        return (analysis.ErrorType, analysis.ErrorPhase);
    }

    private static (string Category, string Phase) Traceback(string[] frames, string? line = null, string? record = null)
    {
        var root = Py("torch.cuda.OutOfMemoryError", ModernOom, frames, phase: record, line: 1000);
        var input = In(root) with { Context = line is null ? [] : [new ContextLine(900, line)] };
        var analysis = Classify(input);
        return (analysis.ErrorType, analysis.ErrorPhase);
    }

    private static (string Category, string? Rule) Lines(params string[] lines) =>
        Rule(new ClassificationInput(null, [], [], null) { Context = [.. lines.Select((l, i) => new ContextLine(100 + i, l))] });

    private static (string Category, string? Rule) Rule(ClassificationInput input)
    {
        var analysis = FailureClassifier.Classify(input, RuleSet.Default);
        return (analysis?.ErrorType ?? "(no analysis)", analysis?.RuleId);
    }

    private static FailureAnalysis Classify(ClassificationInput input) => FailureClassifier.Classify(input, RuleSet.Default)!;
}
