using ErrorTrace.Core.Classification;
using static ErrorTrace.Core.Tests.Classification.T;

namespace ErrorTrace.Core.Tests.Classification;

/// <summary>The rules file's phase hints: frames, the last bar or banner before the death, record tags, the program.</summary>
public sealed class PhaseRulesTests
{
    [Fact]
    public void Saving_inside_the_training_loop_is_checkpointing() =>
        Assert.Equal(("checkpoint-save", "checkpointing"), Hint(SaveCheckpoint));

    [Fact]
    public void Evaluation_inside_the_training_loop_is_evaluation() =>
        Assert.Equal(("evaluation", "evaluation"), Hint(EvalLoop));

    [Fact]
    public void Generation_inside_training_step_is_training() =>
        Assert.Equal(("training-step", "training"), Hint([Trainer + ":train", Trainer + ":training_step", Sp + "transformers/generation/utils.py:generate"]));

    [Fact]
    public void The_trainers_constructor_is_initialization() =>
        Assert.Equal(("model-init", "initialization"), Hint(["/home/u/standalone_trainer.py:main", "/home/u/standalone_trainer.py:__init__", "/home/u/standalone_trainer.py:setup_lora"]));

    [Fact]
    public void A_dataset_getitem_is_data_loading() =>
        Assert.Equal(("data-loading", "data_loading"), Hint([Trainer + ":_inner_training_loop", Sp + "torch/utils/data/dataloader.py:__next__", "/work/data.py:__getitem__"]));

    [Fact]
    public void The_bare_training_loop_is_training() =>
        Assert.Equal(("training-loop", "training"), Hint(["train.py:main", Trainer + ":train", Trainer + ":_inner_training_loop", Sp + "torch/optim/adamw.py:step"]));

    [Theory]
    [InlineData("PreTokenize", "data_loading")]
    [InlineData("Model", "initialization")]
    [InlineData("SFT", "training")]
    [InlineData("dpo", "training")]
    [InlineData("Eval", "evaluation")]
    [InlineData("Main", "unknown")]
    [InlineData(null, "unknown")]
    public void Record_phases_map_to_error_phases(string? record, string expected) =>
        Assert.Equal(expected, Decide(["x.py:main"], record).Phase);

    [Theory]
    [InlineData("Validation DataLoader 0:  45%|████▌     | 9/20 [00:01<00:01,  6.52it/s]", "evaluation")]
    [InlineData("0/10 * Epoch (valid):   3% 1/32 [00:01<00:46,  1.50s/it, _fps=21.531, loss=1.656]", "evaluation")]
    [InlineData("[INFO|trainer.py:3158] 2024-05-01 10:00:00,123 >> ***** Running Evaluation *****", "evaluation")]
    [InlineData("Evaluating: 100%|██████████| 125/125 [00:31<00:00,  3.98it/s]", "evaluation")]
    [InlineData("Epoch 3:  45%|████▌     | 90/200 [00:31<00:38, 2.86it/s, v_num=0, train_loss=0.412]", "training")]
    [InlineData("0/10 * Epoch (train): 100% 32/32 [00:41<00:00,  2.39s/it, _fps=11.486, loss=0.898]", "training")]
    [InlineData("Epoch 4/10", "training")]
    [InlineData("  172/10224 [..............................] - ETA: 1:02:11 - loss: 0.6931", "training")]
    public void The_last_bar_or_banner_before_the_death_gives_the_phase(string line, string phase) =>
        Assert.Equal(phase, Decide(["/home/u/run.py:main", "/home/u/run.py:step"], null, [line]).Phase);

    [Fact]
    public void Only_the_latest_bar_counts() =>
        Assert.Equal(("training", "training"), (
            Decide(["run.py:main"], null, ["Validation DataLoader 0: 100%|██| 20/20", "Epoch 1:   5%|▌ | 10/200 [00:03<01:00, loss=0.7]"]).Phase,
            Decide(["run.py:main"], null, ["Epoch 1:   5%|▌ | 10/200", "some other line"]).Phase));

    [Fact]
    public void Frames_win_over_the_last_bar() =>
        Assert.Equal("checkpointing", Decide(SaveCheckpoint, null, ["Validation DataLoader 0:  45%|████▌     | 9/20"]).Phase);

    [Fact]
    public void An_inference_only_program_is_evaluation_unless_it_shows_training() =>
        Assert.Equal(("evaluation", "training"), (
            Decide(["/srv/serve.py:main", Sp + "vllm/worker/model_runner.py:execute_model", Sp + "torch/nn/modules/module.py:_call_impl"]).Phase,
            Decide(["/srv/serve.py:main", Sp + "vllm/worker/model_runner.py:execute_model"], null, ["Epoch 2:  10%|█ | 3/30 [00:01<00:09, loss=1.2]"]).Phase));

    [Fact]
    public void Every_hint_has_an_id_a_known_phase_and_says_why() =>
        Assert.All(RuleSet.Default.Phases.Hints, h =>
        {
            Assert.Matches("^[a-z0-9]+(-[a-z0-9]+)*$", h.Id);
            Assert.True(ErrorPhase.IsKnown(h.Phase));
            Assert.False(string.IsNullOrWhiteSpace(h.Comment));
        });

    private static (string?, string) Hint(string[] frames)
    {
        var decision = Decide(frames);
        return (decision.HintId, decision.Phase);
    }

    private static PhaseDecision Decide(string[] frames, string? record = null, string[]? lines = null)
    {
        var root = Py("RuntimeError", "boom", frames, phase: record, line: 1000);
        var input = In(root) with { Context = [.. (lines ?? []).Select((l, i) => new ContextLine(900 + i, l))] };
        var context = new ClassificationContext(input, RuleSet.Default);
        return context.PhaseOf(context.RootViews[0]);
    }
}
