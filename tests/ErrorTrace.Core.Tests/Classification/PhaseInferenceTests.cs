using ErrorTrace.Core.Classification;
using static ErrorTrace.Core.Tests.Classification.T;

namespace ErrorTrace.Core.Tests.Classification;

public sealed class PhaseInferenceTests
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
    [InlineData("Main", "fallback")]
    [InlineData(null, "fallback")]
    public void Record_phases_map_to_error_phases(string? record, string expected) =>
        Assert.Equal(expected, PhaseInference.Infer(null, [], record, "fallback"));

    [Fact]
    public void The_rule_phase_wins_then_frames_then_the_record_phase() =>
        Assert.Equal(
            ("monitoring", "checkpointing", "data_loading"),
            (PhaseInference.Infer("monitoring", [.. SaveCheckpoint.Select(F)], "PreTokenize", null),
             PhaseInference.Infer(null, [.. SaveCheckpoint.Select(F)], "PreTokenize", null),
             PhaseInference.Infer(null, [F("x.py:main")], "PreTokenize", null)));

    [Fact]
    public void Every_hint_names_a_known_phase_and_says_why() =>
        Assert.All(PhaseInference.FrameHints, h =>
        {
            Assert.True(ErrorPhase.IsKnown(h.Phase));
            Assert.False(string.IsNullOrWhiteSpace(h.Comment));
        });

    private static (string, string) Hint(string[] frames)
    {
        var hint = PhaseInference.FromFrames([.. frames.Select(F)])!;
        return (hint.Id, hint.Phase);
    }
}
