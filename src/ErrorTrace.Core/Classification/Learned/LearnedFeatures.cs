using ErrorTrace.Core.Analysis;
using ErrorTrace.Core.Reports;

namespace ErrorTrace.Core.Classification.Learned;

/// <summary>
/// What the learned classifier sees of a log: only what the engine already extracted, as prefixed tokens (a word of
/// the message and the same word in the lines before the death are different evidence). Sorted and distinct, so the
/// same log always gives the same list and the model's sums run in the same order.
/// </summary>
public static class LearnedFeatures
{
    /// <summary>The innermost frames are where the failure happened; outer ones are the trainer's loop, the same in every log.</summary>
    public const int InnermostFrames = 3;

    /// <summary>The lines just before the death carry the mechanism (a memory figure, "Killed", a NaN loss); earlier ones
    /// are progress bars that look alike in every category.</summary>
    public const int LastContextLines = 20;

    /// <summary>A message's first words name the problem; a long one goes on to dump tensors or configs.</summary>
    public const int MessageWords = 40;

    /// <summary>Per context line and per error entry: enough for a sentence, not for a dumped dict.</summary>
    public const int LineWords = 20;

    /// <summary>The first error entries: the later ones are mostly their cascades.</summary>
    public const int ErrorEntries = 5;

    /// <summary>The last context lines tokenised on their own (<see cref="LearnedFeatureSet.LastLines"/>).</summary>
    public const int LastLines = 5;

    /// <summary>The groups the shipped model was trained with: the last lines on their own. With the rules before fixing
    /// (2,550 cases) and the shipped threshold they gained 17 in utility over the log tokens alone leaving one batch out
    /// (52 batches), 9 and 10 with folds grouped by project (two seeds), 2 and 3 on the held-out batches; no other group
    /// gained beyond noise (docs/accuracy-learned.md, 2026-12-05 early morning).</summary>
    public const LearnedFeatureSet Shipped = LearnedFeatureSet.LastLines;

    /// <summary>Phase words looked for in frames' function names (<see cref="LearnedFeatureSet.Phase"/>).</summary>
    private static readonly string[] s_phaseWords = ["eval", "valid", "test", "predict", "infer", "generat", "train", "save", "load", "checkpoint", "init", "backward", "step"];

    /// <param name="input">The engine's findings.</param>
    /// <param name="rules">The rules' decision about the same log, or null for features of the log alone: the rule that
    /// fired and its category become features too (<c>rule:</c>, <c>rulecat:</c>), so a model learns where the rules are
    /// trustworthy. The shipped model uses the log alone: only that variant could be measured against the rules as they
    /// were before fixing (docs/accuracy-learned.md).</param>
    public static IReadOnlyList<string> Extract(ClassificationInput input, FailureAnalysis? rules) => Extract(input, rules, Shipped, null);

    /// <param name="input">The engine's findings.</param>
    /// <param name="rules">As in <see cref="Extract(ClassificationInput, FailureAnalysis?)"/>.</param>
    /// <param name="set">The groups added to the base tokens.</param>
    /// <param name="ruleSet">Which frames are the job's own (<see cref="LearnedFeatureSet.UserFrame"/>); the built-in rules when null.</param>
    public static IReadOnlyList<string> Extract(ClassificationInput input, FailureAnalysis? rules, LearnedFeatureSet set, RuleSet? ruleSet)
    {
        ArgumentNullException.ThrowIfNull(input);
        var tokens = new HashSet<string>(StringComparer.Ordinal);
        // A traceback cut before its exception line says where the process was, not what failed; the shipped model was
        // trained when such a printout was never the root (root:none, its lines as context), and read as a root its frames
        // alone swung categories the rules had right (horovod's, Lightning's frames read as dependency_error). It keeps
        // the features it was trained with until a model is trained on these roots.
        if (input.Root is { } root && !CutTracebacks.IsCut(root))
        {
            var (type, message, frames) = Original(root);
            LearnedTokeniser.AddName(type, "type:", "tmod:", tokens);
            LearnedTokeniser.AddMaskedWords(message, "msg:", tokens, MessageWords);
            foreach (var link in root.Chain) LearnedTokeniser.AddName(link.ExceptionType, "chain:", "chainmod:", tokens);
            if (root.Chain.Count > 0) LearnedTokeniser.AddName(root.ExceptionType, "chain:", "chainmod:", tokens);
            for (var f = Math.Max(0, frames.Count - InnermostFrames); f < frames.Count; f++)
            {
                LearnedTokeniser.AddName(frames[f].File, "file:", "fmod:", tokens);
                LearnedTokeniser.AddWords(frames[f].Function, "func:", tokens, 1);
            }

            tokens.Add("kind:" + root.Kind);
            if (set != LearnedFeatureSet.Base) AddGroups(root, frames, set, ruleSet ?? RuleSet.Default, tokens);
        }
        else
        {
            tokens.Add("root:none");
        }

        foreach (var failure in input.Failures)
        {
            if (ReferenceEquals(failure, input.Root)) continue;
            tokens.Add("otherkind:" + failure.Kind);
            LearnedTokeniser.AddName(failure.ExceptionType, "othertype:", "othermod:", tokens);
        }

        var errors = 0;
        foreach (var entry in input.Errors)
        {
            if (!string.Equals(entry.Level, "error", StringComparison.OrdinalIgnoreCase)) continue;
            LearnedTokeniser.AddMaskedWords(entry.Message, "err:", tokens, LineWords);
            if (++errors == ErrorEntries) break;
        }

        LearnedTokeniser.AddMaskedWords(input.ErrorSummary, "summary:", tokens, MessageWords);
        for (var c = Math.Max(0, input.Context.Count - LastContextLines); c < input.Context.Count; c++)
            LearnedTokeniser.AddMaskedWords(input.Context[c].Text, "ctx:", tokens, LineWords);
        if ((set & LearnedFeatureSet.LastLines) != 0)
        {
            for (var c = Math.Max(0, input.Context.Count - LastLines); c < input.Context.Count; c++)
                LearnedTokeniser.AddMaskedWords(input.Context[c].Text, "last:", tokens, LineWords);
        }

        if (rules is not null)
        {
            tokens.Add("rule:" + (rules.RuleId ?? "none"));
            tokens.Add("rulecat:" + rules.ErrorType);
        }

        var sorted = tokens.ToList();
        sorted.Sort(StringComparer.Ordinal);
        return sorted;
    }

    private static void AddGroups(TracebackInfo root, IReadOnlyList<TracebackFrame> frames, LearnedFeatureSet set, RuleSet ruleSet, HashSet<string> tokens)
    {
        if ((set & LearnedFeatureSet.ChainFrames) != 0)
        {
            foreach (var link in root.Chain) AddFrames(link.Frames, tokens);
            AddFrames(root.Frames, tokens);
        }

        if ((set & LearnedFeatureSet.ChainTypes) != 0)
        {
            if (root.Original is { } original)
            {
                LearnedTokeniser.AddName(original.ExceptionType, "orig:", "origmod:", tokens);
                LearnedTokeniser.AddWords(original.ExceptionMessage, "origmsg:", tokens, MessageWords);
            }

            foreach (var sub in root.SubExceptions) LearnedTokeniser.AddName(sub.ExceptionType, "orig:", "origmod:", tokens);
            if (root.Chain.Count > 0) LearnedTokeniser.AddWords(root.ExceptionMessage, "final:", tokens, LineWords);
        }

        if ((set & LearnedFeatureSet.UserFrame) != 0)
        {
            var user = InnermostOwn(root.Original?.Frames ?? frames, ruleSet) ?? InnermostOwn(frames, ruleSet);
            if (user is not null)
            {
                var name = Path.GetFileNameWithoutExtension(user.File.Replace('\\', '/'));
                LearnedTokeniser.AddWords(name.Replace('_', ' '), "ufile:", tokens, LineWords);
                LearnedTokeniser.AddWords(user.Function.Replace('_', ' '), "ufunc:", tokens, LineWords);
            }
            else
            {
                tokens.Add("ufile:none");
            }
        }

        if ((set & LearnedFeatureSet.Phase) != 0)
        {
            if (root.Phase is { } phase) LearnedTokeniser.AddWords(phase, "phase:", tokens, LineWords);
            foreach (var frame in frames)
            {
                foreach (var word in s_phaseWords)
                {
                    if (frame.Function.Contains(word, StringComparison.OrdinalIgnoreCase)) tokens.Add("phaseword:" + word);
                }
            }
        }
    }

    private static void AddFrames(IReadOnlyList<TracebackFrame> frames, HashSet<string> tokens)
    {
        foreach (var frame in frames)
        {
            if (FrameModule.Of(frame.File) is { } module) tokens.Add("cmod:" + Clip(module.ToLowerInvariant()));
            LearnedTokeniser.AddWords(frame.Function, "cfunc:", tokens, 1);
        }
    }

    private static string Clip(string module)
    {
        // Two segments name the package and its area (torch/cuda, transformers/trainer); deeper ones are one file's.
        var slash = module.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0) slash = module.IndexOf('/', slash + 1);
        var clipped = slash >= 0 ? module[..slash] : module;
        return clipped.Replace(' ', '_');
    }

    private static TracebackFrame? InnermostOwn(IReadOnlyList<TracebackFrame> frames, RuleSet ruleSet)
    {
        for (var f = frames.Count - 1; f >= 0; f--)
        {
            if (frames[f].File.Length > 0 && ruleSet.Frames.IsInApp(frames[f].File)) return frames[f];
        }

        return null;
    }

    /// <summary>The chain's first link is the original exception (the labels name it); the rest are cascades.</summary>
    private static (string Type, string Message, IReadOnlyList<TracebackFrame> Frames) Original(TracebackInfo root) =>
        root.Chain.Count > 0
            ? (root.Chain[0].ExceptionType, root.Chain[0].ExceptionMessage, root.Chain[0].Frames)
            : (root.ExceptionType, root.ExceptionMessage, root.Frames);
}
