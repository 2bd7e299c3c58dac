using System.Collections.Frozen;
using ErrorTrace.Core.Reports;

namespace ErrorTrace.Core.Classification;

/// <summary>
/// Decides <c>error_phase</c>: the deciding rule's phase if it has one, else the first row of
/// <see cref="FrameHints"/> that any frame of the failure matches, else the log record's phase
/// (<see cref="RecordPhases"/>), else the category's default.
/// Rows are tried in order, not frames: a failure inside <c>_save_checkpoint</c> called from
/// <c>train</c> is checkpointing, so the narrow phases come before the broad ones.
/// </summary>
internal static class PhaseInference
{
    public static IReadOnlyList<PhaseHint> FrameHints { get; } =
    [
        PhaseHint.Create("checkpoint-save", ErrorPhase.Checkpointing,
            ["save_checkpoint", "_save_checkpoint", "save_pretrained", "save_model", "_save", "save_state",
             "serialization.py:save", "serialization.py:_save", "safetensors:save_file"], null,
            "Saving runs inside the training loop, so it must win over training."),
        PhaseHint.Create("training-step", ErrorPhase.Training,
            ["training_step", "backward", "_backward", "compute_loss_and_backward"], null,
            "Before evaluation: RL trainers (GRPO/PPO) call generate() from inside training_step, and that is training. " +
            "Not compute_loss: Trainer.prediction_step calls it during evaluation."),
        PhaseHint.Create("evaluation", ErrorPhase.Evaluation,
            ["evaluate", "evaluation_loop", "prediction_loop", "prediction_step", "predict", "predict_step",
             "validation_step", "test_step", "test", "generate", "_generate"],
            "^_?(eval|evaluat|validat)",
            "Evaluation runs from inside train() (_maybe_log_save_evaluate), so it comes before the training loop."),
        PhaseHint.Create("data-loading", ErrorPhase.DataLoading,
            ["__getitem__", "__getitems__", "load_dataset", "_next_data", "_worker_loop", "default_collate",
             "collate_fn", "dataloader.py:__next__", "fetch.py:fetch", "arrow_dataset.py:map", "_map_single",
             "builder.py:*", "data_collator.py:*"], null,
            "The dataloader is driven from the training loop, so it comes before it."),
        PhaseHint.Create("model-init", ErrorPhase.Initialization,
            ["from_pretrained", "_load_pretrained_model", "init_process_group", "deepspeed_init", "_wrap_model",
             "accelerator.py:prepare", "trainer:__init__", "Trainer:__init__"], null,
            "Model loading and the trainer's constructor run before training; 'trainer:__init__' means an __init__ " +
            "in a file whose path contains 'trainer' (trainer.py, sft_trainer.py, a standalone_trainer.py)."),
        PhaseHint.Create("training-loop", ErrorPhase.Training,
            ["train", "_inner_training_loop", "training_loop", "fit", "train_epoch", "train_one_epoch", "_train_epoch",
             "fit_loop.py:*"], null,
            "Last: the training loop encloses evaluation, data loading and saving."),
    ];

    /// <summary>The seed logger's phase tags (<c>[SFT]</c>, <c>[PreTokenize]</c>). <c>Main</c> says nothing.</summary>
    public static FrozenDictionary<string, string> RecordPhases { get; } = new Dictionary<string, string>
    {
        ["PreTokenize"] = ErrorPhase.DataLoading,
        ["Tokenize"] = ErrorPhase.DataLoading,
        ["Data"] = ErrorPhase.DataLoading,
        ["Dataset"] = ErrorPhase.DataLoading,
        ["Preprocess"] = ErrorPhase.DataLoading,
        ["Model"] = ErrorPhase.Initialization,
        ["Init"] = ErrorPhase.Initialization,
        ["Setup"] = ErrorPhase.Initialization,
        ["SFT"] = ErrorPhase.Training,
        ["Train"] = ErrorPhase.Training,
        ["Training"] = ErrorPhase.Training,
        ["DPO"] = ErrorPhase.Training,
        ["PPO"] = ErrorPhase.Training,
        ["GRPO"] = ErrorPhase.Training,
        ["ORPO"] = ErrorPhase.Training,
        ["KTO"] = ErrorPhase.Training,
        ["RM"] = ErrorPhase.Training,
        ["Pretrain"] = ErrorPhase.Training,
        ["Eval"] = ErrorPhase.Evaluation,
        ["Evaluation"] = ErrorPhase.Evaluation,
        ["Validation"] = ErrorPhase.Evaluation,
        ["Test"] = ErrorPhase.Evaluation,
        ["Predict"] = ErrorPhase.Evaluation,
        ["Save"] = ErrorPhase.Checkpointing,
        ["Checkpoint"] = ErrorPhase.Checkpointing,
        ["Monitor"] = ErrorPhase.Monitoring,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    public static string Infer(string? rulePhase, IReadOnlyList<TracebackFrame> frames, string? recordPhase, string? categoryPhase)
    {
        if (rulePhase is not null) return rulePhase;
        var fromFrames = FromFrames(frames);
        if (fromFrames is not null) return fromFrames.Phase;
        if (recordPhase is not null && RecordPhases.TryGetValue(recordPhase, out var phase)) return phase;
        return categoryPhase ?? ErrorPhase.Unknown;
    }

    /// <summary>The first row any frame matches, or null.</summary>
    public static PhaseHint? FromFrames(IReadOnlyList<TracebackFrame> frames)
    {
        if (frames.Count == 0) return null;
        foreach (var hint in FrameHints)
        {
            if (hint.Frames.FindInnermost(frames) >= 0) return hint;
        }

        return null;
    }
}
