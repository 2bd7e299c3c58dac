using ErrorTrace.Core.Classification;
using ErrorTrace.Core.Tests.Engine;

namespace ErrorTrace.Core.Tests.Classification;

/// <summary>
/// An out-of-memory failure placed by names: the failure's own words that it happened while evaluating, an evaluator
/// module on the stack, and a training script's name, which rules out the whole-program evaluation hints (one huge
/// allocation, a script or library file named eval or test). Each in other words than the corpus logs, with near misses.
/// </summary>
public sealed class OomPhaseNamesTests
{
    private const string SmallOom = "RuntimeError: CUDA out of memory. Tried to allocate 64.00 MiB (GPU 0; 23.65 GiB total capacity; 22.90 GiB already allocated; 12.00 MiB free)";

    private const string HugeOom = "torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 18.50 GiB. GPU 0 has a total capacity of 23.65 GiB of which 4.10 GiB is free.";

    [Fact]
    public void An_error_line_that_says_it_failed_while_evaluating_is_evaluation() =>
        Assert.Equal(FailureCategory.OomEval, Category(
            "Encoding: 100%|##########| 812/812 [02:11<00:00,  6.18it/s]\n" +
            "2024-02-11 10:01:02 ERROR benchmark: Failed during validation of task SciFact: " + SmallOom["RuntimeError: ".Length..] + "\n"));

    [Fact]
    public void A_warning_that_names_evaluation_without_an_error_is_not_evaluation() =>
        Assert.Equal(FailureCategory.OomTraining, Category(
            "UserWarning: gradient checkpointing is disabled during evaluation\n" +
            SmallOom + "\n"));

    [Fact]
    public void A_function_in_an_evaluator_module_is_evaluation() =>
        Assert.Equal(FailureCategory.OomEval, Category(
            "Traceback (most recent call last):\n" +
            "  File \"/srv/bench/run.py\", line 40, in <module>\n" +
            "    scores = ev(model)\n" +
            "  File \"/srv/bench/tasks/ranking/evaluator.py\", line 77, in pairwise_scores\n" +
            "    return q @ d.T\n" +
            SmallOom + "\n"));

    [Fact]
    public void A_module_whose_name_only_starts_with_evaluator_is_not_an_evaluator() =>
        Assert.Equal(FailureCategory.OomTraining, Category(
            "Traceback (most recent call last):\n" +
            "  File \"/srv/bench/run.py\", line 40, in <module>\n" +
            "    cfg = load(path)\n" +
            "  File \"/srv/bench/tasks/ranking/evaluator_config.py\", line 12, in load\n" +
            "    weights = torch.zeros(n, n, device='cuda')\n" +
            SmallOom + "\n"));

    [Fact]
    public void One_huge_allocation_with_nothing_else_is_evaluation() =>
        Assert.Equal(FailureCategory.OomEval, Category(HugeOom + "\n"));

    [Fact]
    public void One_huge_allocation_of_a_program_named_for_training_is_training() =>
        Assert.Equal(FailureCategory.OomTraining, Category(
            "+ torchrun --nproc_per_node 8 pretrain_llama.py --config cfg/7b.yaml\n" +
            HugeOom + "\n"));

    [Fact]
    public void Torch_compiles_eval_frame_file_in_a_training_script_is_not_an_inference_script() =>
        Assert.Equal(FailureCategory.OomTraining, Category(
            "Traceback (most recent call last):\n" +
            "  File \"/home/u/gpt/train.py\", line 210, in <module>\n" +
            "    logits, loss = model(X, Y)\n" +
            "  File \"/opt/venv/lib/python3.11/site-packages/torch/_dynamo/eval_frame.py\", line 451, in _fn\n" +
            "    return fn(*args, **kwargs)\n" +
            "  File \"/home/u/gpt/model.py\", line 180, in forward\n" +
            "    x = self.blocks(x)\n" +
            SmallOom + "\n"));

    [Fact]
    public void Torch_compiles_eval_frame_file_alone_is_not_an_inference_script() =>
        Assert.Equal(FailureCategory.OomTraining, Category(
            "  File \"/opt/venv/lib/python3.11/site-packages/torch/_dynamo/eval_frame.py\", line 451, in _fn\n" +
            "    return fn(*args, **kwargs)\n" +
            SmallOom + "\n"));

    [Fact]
    public void A_script_named_for_evaluation_is_still_an_inference_script() =>
        Assert.Equal(FailureCategory.OomEval, Category(
            "Traceback (most recent call last):\n" +
            "  File \"/home/u/gpt/eval_frames.py\", line 31, in <module>\n" +
            "    out = model(batch)\n" +
            SmallOom + "\n"));

    [Fact]
    public void A_notebook_cell_that_calls_a_predict_function_is_evaluation() =>
        Assert.Equal(FailureCategory.OomEval, Category(
            "OutOfMemoryError                          Traceback (most recent call last)\n" +
            "<ipython-input-7-3f1a2b> in <module>()\n" +
            "      3 imgs = load_tiles(\"slide_04.tif\")\n" +
            "----> 4 masks = segmenter.predict_masks(imgs, batch_size=64)\n" +
            "9 frames\n" +
            SmallOom["RuntimeError: ".Length..] + "\n"));

    [Fact]
    public void A_notebook_cell_that_trains_and_evaluates_is_not_evaluation() =>
        Assert.Equal(FailureCategory.OomTraining, Category(
            "OutOfMemoryError                          Traceback (most recent call last)\n" +
            "<ipython-input-7-3f1a2b> in <module>()\n" +
            "----> 4 tf.estimator.train_and_evaluate(estimator, train_spec, eval_spec)\n" +
            "9 frames\n" +
            SmallOom["RuntimeError: ".Length..] + "\n"));

    [Fact]
    public void A_stable_diffusion_sampling_script_is_an_inference_script() =>
        Assert.Equal(FailureCategory.OomEval, Category(
            "$ python scripts/img2img.py --prompt \"a castle\" --init-img in.png --strength 0.7\n" +
            SmallOom + "\n"));

    [Fact]
    public void A_text_to_image_training_script_is_not_an_inference_script() =>
        Assert.Equal(FailureCategory.OomTraining, Category(
            "$ accelerate launch train_text2image_lora.py --resolution 1024\n" +
            SmallOom + "\n"));

    [Fact]
    public void Lm_studios_mlx_engine_on_the_stack_is_an_inference_program() =>
        Assert.Equal(FailureCategory.OomEval, Category(
            "Traceback (most recent call last):\n" +
            "  File \"/Users/me/.lmstudio/extensions/backends/vendor/lib/python3.11/site-packages/mlx_engine/generate.py\", line 210, in create_generator\n" +
            "    for token in stream:\n" +
            "RuntimeError: [metal::malloc] Attempting to allocate 34359738368 bytes which is greater than the maximum allowed buffer size of 28991029248 bytes.\n"));

    private static string? Category(string log) => Analyze.Text(log).Analysis?.ErrorType;
}
