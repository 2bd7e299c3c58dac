using ErrorTrace.Core.Classification;
using static ErrorTrace.Core.Tests.Classification.T;

namespace ErrorTrace.Core.Tests.Classification;

/// <summary>The fallback when no rule fires: weighted signals, unknown only without evidence, confidence from the margin.</summary>
public sealed class EvidenceScorerTests
{
    [Fact]
    public void Without_any_evidence_the_answer_is_unknown()
    {
        var analysis = FailureClassifier.Classify(In(Py("RuntimeError", "custom_op_wrapper returned an invalid handle", Forward, line: 80)), RuleSet.Default)!;

        Assert.Equal(("unknown", null, "low"), (analysis.ErrorType, analysis.RuleId, analysis.Confidence));
    }

    [Fact]
    public void A_decoder_raising_in_the_data_pipeline_scores_as_data_and_names_its_signals()
    {
        var root = Py("struct.error", "unpack requires a buffer of 4 bytes",
            [Trainer + ":_inner_training_loop", Sp + "torch/utils/data/_utils/worker.py:_worker_loop", "/work/ds.py:__getitem__", Sp + "PIL/PngImagePlugin.py:read"], line: 61);

        var analysis = FailureClassifier.Classify(In(root), RuleSet.Default)!;

        Assert.Equal(("data_error", "evidence-score", "medium"), (analysis.ErrorType, analysis.RuleId, analysis.Confidence));
        Assert.StartsWith("evidence score: data_error", analysis.Evidence[0].Text, StringComparison.Ordinal);
        Assert.Contains("data-module-raised", analysis.Evidence[0].Text, StringComparison.Ordinal);
        Assert.Equal(61, analysis.Evidence[1].Line);
        Assert.Equal("data_loading", analysis.ErrorPhase);
    }

    [Fact]
    public void A_broken_pipe_inside_torch_distributed_scores_as_nccl()
    {
        var analysis = FailureClassifier.Classify(In(Py("BrokenPipeError", "[Errno 32] Broken pipe",
            ["train.py:main", Sp + "torch/distributed/distributed_c10d.py:all_reduce", Sp + "torch/distributed/rendezvous.py:send"])), RuleSet.Default)!;

        Assert.Equal(("nccl_error", "evidence-score"), (analysis.ErrorType, analysis.RuleId));
    }

    [Fact]
    public void A_thin_or_contested_score_is_low()
    {
        var thin = FailureClassifier.Classify(In(Py("RuntimeError", "handle is closed", ["train.py:main"])), RuleSet.Default)!;

        Assert.Equal(("user_code", "low"), (thin.ErrorType, thin.Confidence));
    }

    [Fact]
    public void The_scoring_classifier_alone_answers_even_where_a_rule_would()
    {
        var scoring = FailureClassifiers.EvidenceScoring();

        var analysis = scoring.Classify(In(Py("torch.OutOfMemoryError", ModernOom, TrainStep)))!;

        Assert.Equal("evidence-score", analysis.RuleId);
    }

    [Fact]
    public void Every_signal_has_an_id_a_comment_a_category_and_a_positive_weight() =>
        Assert.All(RuleSet.Default.Scoring.Signals, s =>
        {
            Assert.Matches("^[a-z0-9]+(-[a-z0-9]+)*$", s.Id);
            Assert.False(string.IsNullOrWhiteSpace(s.Comment));
            Assert.Contains(s.Category, FailureCategory.BuiltInNames);
            Assert.True(s.Weight > 0);
        });
}
