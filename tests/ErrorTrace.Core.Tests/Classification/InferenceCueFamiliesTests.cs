using ErrorTrace.Core.Classification;
using ErrorTrace.Core.Tests.Engine;

namespace ErrorTrace.Core.Tests.Classification;

/// <summary>
/// Phase cue families for an out-of-memory failure whose frames say nothing: an Apple-silicon (MPS) OOM with no
/// training anywhere, ComfyUI's own words and source files, model servers (Xorbits Inference, LoRAX, an LLM server's
/// prefill), Caffe's solver test pass in a glog stack, a research loop's arrow banner, a decoding or feature-extraction
/// script. Each is written in other words than the corpus logs, with the near misses that share them; the near misses
/// are checked by the rules alone (<see cref="Analyze.ByRules"/>).
/// </summary>
public sealed class InferenceCueFamiliesTests
{
    private const string MpsOom = "RuntimeError: MPS backend out of memory (MPS allocated: 17.20 GB, other allocations: 512.00 MB, max allowed: 18.13 GB). " +
        "Tried to allocate 40.00 MB on private pool. Use PYTORCH_MPS_HIGH_WATERMARK_RATIO=0.0 to disable upper limit for memory allocations (may cause system failure).";

    private const string CudaOom = "torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 512.00 MiB. GPU 0 has a total capacity of 23.64 GiB of which 100.81 MiB is free.";

    [Fact]
    public void An_mps_oom_alone_is_an_inference_oom() =>
        Assert.Equal(FailureCategory.OomEval, Category(MpsOom + "\n"));

    [Fact]
    public void An_mps_oom_in_a_training_script_stays_training() =>
        Assert.Equal(FailureCategory.OomTraining, Category(
            "Traceback (most recent call last):\n" +
            "  File \"/Users/me/lora/finetune_lora.py\", line 88, in <module>\n" +
            "    main()\n" +
            MpsOom + "\n"));

    [Fact]
    public void An_mps_oom_after_a_training_handler_line_stays_training() =>
        Assert.Equal(FailureCategory.OomTraining, Category(
            "2025-01-02 10:00:00 | INFO | app.handlers:start_training:51 - preparing dataset\n" + MpsOom + "\n"));

    [Fact]
    public void Comfyuis_words_after_an_oom_are_an_inference_program() =>
        Assert.Equal(FailureCategory.OomEval, Category(
            "torch.OutOfMemoryError: Allocation on device\n\nGot an OOM, unloading all loaded models.\nPrompt executed in 12.05 seconds\n"));

    [Fact]
    public void A_comfyui_training_node_stays_training() =>
        Assert.Equal(FailureCategory.OomTraining, Category(
            "Error occurred when executing LoraTrainLoop:\n\n" + CudaOom + "\n"));

    [Fact]
    public void Another_programs_virtualenv_under_a_comfyui_directory_is_no_comfyui_evidence() =>
        Assert.Equal(FailureCategory.OomTraining, Analyze.ByRules(
            CudaOom + "\n" +
            "/home/me/ComfyUI/.venv/lib/python3.11/site-packages/torch/cuda/__init__.py:641: UserWarning: Can't initialize amdsmi\n").Analysis?.ErrorType);

    [Fact]
    public void Comfyuis_own_source_files_in_a_checkout_are_an_inference_program() =>
        Assert.Equal(FailureCategory.OomEval, Category(
            "Traceback (most recent call last):\n" +
            "  File \"C:\\AI\\ComfyUI\\execution.py\", line 323, in execute\n" +
            "    output_data = get_output_data(obj, input_data_all)\n" +
            "  File \"C:\\AI\\ComfyUI\\comfy\\ldm\\modules\\attention.py\", line 412, in attention_pytorch\n" +
            "    out = torch.nn.functional.scaled_dot_product_attention(q, k, v)\n" +
            CudaOom + "\n"));

    [Fact]
    public void A_model_server_actor_is_an_inference_program() =>
        Assert.Equal(FailureCategory.OomEval, Category(
            "2025-03-01 10:00:00,000 xinference.core.worker 811 ERROR    Failed to load model bge-m3-1-0\n" + CudaOom + "\n"));

    [Fact]
    public void An_llm_servers_prefill_is_inference() =>
        Assert.Equal(FailureCategory.OomEval, Category(
            "2024-06-01T10:00:00Z ERROR batch{batch_size=4}:prefill{id=7 size=4}: router: Server error: " + CudaOom["torch.OutOfMemoryError: ".Length..] + "\n"));

    [Fact]
    public void Caffes_solver_test_pass_in_a_glog_stack_is_evaluation() =>
        Assert.Equal(FailureCategory.OomEval, Category(
            "F1203 10:11:12.000000  4242 syncedmem.cpp:71] Check failed: error == cudaSuccess (2 vs. 0)  out of memory\n" +
            "*** Check failure stack trace: ***\n" +
            "    @     0x7f0000000000  google::LogMessage::Fail()\n" +
            "    @           0x600000  caffe::SyncedMemory::mutable_gpu_data()\n" +
            "    @           0x610000  caffe::Net<>::Forward()\n" +
            "    @           0x620000  caffe::Solver<>::Test()\n" +
            "    @           0x630000  caffe::Solver<>::TestAll()\n" +
            "    @           0x640000  caffe::Solver<>::Step()\n" +
            "Aborted (core dumped)\n"));

    [Fact]
    public void Caffes_solver_step_without_its_test_pass_stays_training() =>
        Assert.Equal(FailureCategory.OomTraining, Category(
            "F1203 10:11:12.000000  4242 syncedmem.cpp:71] Check failed: error == cudaSuccess (2 vs. 0)  out of memory\n" +
            "*** Check failure stack trace: ***\n" +
            "    @           0x610000  caffe::Net<>::Backward()\n" +
            "    @           0x640000  caffe::Solver<>::Step()\n" +
            "    @           0x650000  caffe::Solver<>::Solve()\n" +
            "Aborted (core dumped)\n"));

    [Fact]
    public void A_research_loops_arrow_banner_of_evaluation_is_the_last_bar() =>
        Assert.Equal(FailureCategory.OomEval, Category(
            "---> training epoch 4 done, err 0.21\n" +
            "---> evaluating on the validation split\n" +
            "RuntimeError: CUDA out of memory. Tried to allocate 20.00 MiB (GPU 0; 11.91 GiB total capacity; 11.01 GiB already allocated; 6.94 MiB free)\n"));

    [Fact]
    public void A_training_arrow_banner_after_the_evaluation_one_is_training() =>
        Assert.Equal(FailureCategory.OomTraining, Category(
            "===> testing...\n" +
            "===> training epoch 5\n" +
            "RuntimeError: CUDA out of memory. Tried to allocate 20.00 MiB (GPU 0; 11.91 GiB total capacity; 11.01 GiB already allocated; 6.94 MiB free)\n"));

    [Fact]
    public void A_feature_extraction_script_is_an_inference_script() =>
        Assert.Equal(FailureCategory.OomEval, Category(
            "Traceback (most recent call last):\n" +
            "  File \"tools/extract_features.py\", line 40, in <module>\n" +
            "    feats = backbone(images)\n" +
            "RuntimeError: CUDA out of memory. Tried to allocate 20.00 MiB (GPU 0; 11.91 GiB total capacity; 11.01 GiB already allocated; 6.94 MiB free)\n"));

    [Fact]
    public void An_error_line_is_placed_by_the_frames_of_a_traceback_whose_exception_line_was_cut() =>
        Assert.Equal(FailureCategory.OomEval, Category(
            "Exception in main loop: CUDA out of memory. Tried to allocate 20.00 MiB (GPU 0; 11.91 GiB total capacity; 11.01 GiB already allocated)\n" +
            "Traceback (most recent call last):\n" +
            "  File \"/opt/lib/python3.10/site-packages/ignite/engine/engine.py\", line 812, in run\n" +
            "    self._fire_event(Events.EPOCH_COMPLETED)\n" +
            "  File \"/work/asr/loop.py\", line 77, in evaluate\n" +
            "    self.model(x)\n"));

    [Fact]
    public void An_error_line_stays_training_when_the_cut_traceback_is_the_training_step() =>
        Assert.Equal(FailureCategory.OomTraining, Category(
            "Exception in main loop: CUDA out of memory. Tried to allocate 20.00 MiB (GPU 0; 11.91 GiB total capacity; 11.01 GiB already allocated)\n" +
            "Traceback (most recent call last):\n" +
            "  File \"/work/asr/train.py\", line 77, in train_step\n" +
            "    loss.backward()\n"));

    private static string? Category(string log) => Analyze.Text(log).Analysis?.ErrorType;
}
