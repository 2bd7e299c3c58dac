using System.Text;
using ErrorTrace.Core.Analysis;
using ErrorTrace.Core.Classification;
using ErrorTrace.Core.Classification.Learned;
using ErrorTrace.Core.Reports;
using ErrorTrace.Core.Tests.Engine;

namespace ErrorTrace.Core.Tests.Classification.Learned;

/// <summary>
/// The learned phase (off by default: in grouped cross-validation it did not beat the default, docs/accuracy-learned.md):
/// where an OOM rule fired but no phase hint placed the failure, the model restricted to oom_eval and oom_training
/// chooses, and says so in the rule id and the evidence; a hint's phase is never the model's to change. The models here
/// have no tokens, only priors, so the answer is the prior's.
/// </summary>
public sealed class LearnedPhaseTests
{
    private const string OneLineOom = "torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 20.00 MiB. GPU 0 has a total capacity of 23.64 GiB of which 6.81 MiB is free.\n";

    private static readonly NaiveBayesModel s_leansEval = Priors(evaluation: 0.9);
    private static readonly NaiveBayesModel s_leansTraining = Priors(evaluation: 0.1);

    [Fact]
    public void The_posterior_between_two_categories_ignores_the_others()
    {
        var model = new NaiveBayesModel(["a", "b", "c"], [Math.Log(0.1), Math.Log(0.3), Math.Log(0.6)], new Dictionary<string, double[]>());

        var prediction = model.PredictBetween([], "a", "b");

        Assert.Equal(("b", "a"), (prediction.Category, prediction.RunnerUp));
        Assert.Equal(0.75, prediction.Probability, 6);
    }

    [Fact]
    public void An_oom_no_hint_placed_takes_the_models_phase_and_says_so()
    {
        var analysis = Classify(OneLineOom, s_leansEval, learnedPhase: true);

        Assert.Equal((FailureCategory.OomEval, "evaluation", "gpu-oom" + LearnedPhase.RuleIdSuffix, Confidence.Medium),
            (analysis.ErrorType, analysis.ErrorPhase, analysis.RuleId, analysis.Confidence));
        Assert.StartsWith("phase learned: oom_eval 0.9 over oom_training", analysis.Evidence[0].Text, StringComparison.Ordinal);
        Assert.Contains(analysis.Evidence, e => e.Text.Contains("CUDA out of memory", StringComparison.Ordinal));
    }

    [Fact]
    public void When_the_model_keeps_training_the_rules_analysis_stands() =>
        Assert.Equal(Shown(Classify(OneLineOom, s_leansTraining, learnedPhase: false)), Shown(Classify(OneLineOom, s_leansTraining, learnedPhase: true)));

    [Fact]
    public void A_phase_a_hint_gave_is_not_the_models_to_change()
    {
        var log = "Epoch 3:  42%|####2     | 420/1000 [01:10<01:37,  5.93it/s, loss=0.42]\n" + OneLineOom;

        Assert.Equal((FailureCategory.OomTraining, "gpu-oom"), Pair(Classify(log, s_leansEval, learnedPhase: true)));
    }

    [Fact]
    public void Off_by_default()
    {
        Assert.Equal((FailureCategory.OomTraining, "gpu-oom"), Pair(Classify(OneLineOom, s_leansEval, learnedPhase: false)));
        Assert.Equal((FailureCategory.OomTraining, "gpu-oom"), Pair(Analyze.Text(OneLineOom).Analysis!));
    }

    private static string Shown(FailureAnalysis a) =>
        string.Join("\n", [a.ErrorType, a.ErrorPhase, a.RuleId, a.Confidence, .. a.Suggestions, .. a.Evidence.Select(e => $"{e.Line}: {e.Text}")]);

    private static (string, string?) Pair(FailureAnalysis analysis) => (analysis.ErrorType, analysis.RuleId);

    private static FailureAnalysis Classify(string log, NaiveBayesModel model, bool learnedPhase) =>
        Analyze.Bytes(Encoding.UTF8.GetBytes(log), options: new AnalysisOptions { Classifier = FailureClassifiers.RulesThenLearned(model: model, learnedPhase: learnedPhase) }).Analysis!;

    private static NaiveBayesModel Priors(double evaluation) =>
        new([FailureCategory.OomEval, FailureCategory.OomTraining], [Math.Log(evaluation), Math.Log(1 - evaluation)], new Dictionary<string, double[]>());
}
