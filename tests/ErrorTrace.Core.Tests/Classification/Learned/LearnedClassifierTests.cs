using ErrorTrace.Core.Classification;
using ErrorTrace.Core.Classification.Learned;
using static ErrorTrace.Core.Tests.Classification.T;

namespace ErrorTrace.Core.Tests.Classification.Learned;

/// <summary>The learned classifiers: where the fallback decides, what its decisions say, that they never vary.</summary>
public sealed class LearnedClassifierTests
{
    private static readonly string[] s_dataWords = ["msg:column", "msg:invalid", "msg:handle", "msg:returned"];

    private static readonly string[] s_oomWords = ["msg:cuda", "msg:memory", "msg:allocate", "msg:tried", "msg:gib"];

    /// <summary>A tiny model sure of itself (above <see cref="LearnedDeferral.MinProbability"/>): "column",
    /// "invalid handle returned" mean data, "cuda memory" means oom_training.</summary>
    private static readonly NaiveBayesModel s_model = NaiveBayesTrainer.Train(
        [.. Enumerable.Repeat((s_dataWords, "data_error"), 3).Concat(Enumerable.Repeat((s_oomWords, "oom_training"), 3))
            .Select(e => ((IReadOnlyList<string>)e.Item1, e.Item2))],
        ["oom_training", "data_error"]);

    /// <summary>A model that cannot tell: every word it knows was seen as often in all three categories (one chance in three each).</summary>
    private static readonly NaiveBayesModel s_unsure = NaiveBayesTrainer.Train(
        [(["msg:column"], "data_error"), (["msg:column"], "oom_training"), (["msg:column"], "config_error")],
        ["oom_training", "data_error", "config_error"], minLogs: 1);

    [Fact]
    public void The_fallback_keeps_a_rule_that_fired()
    {
        var input = In(Py("torch.OutOfMemoryError", "CUDA out of memory. Tried to allocate 2.00 GiB", TrainStep));

        var analysis = FailureClassifiers.RulesThenLearned(model: s_model).Classify(input)!;

        Assert.Equal(("oom_training", "gpu-oom"), (analysis.ErrorType, analysis.RuleId));
    }

    [Fact]
    public void Where_no_rule_fires_the_model_decides_and_says_why()
    {
        var input = In(Py("RuntimeError", "custom_op_wrapper returned an invalid handle for column 3", Forward, line: 80));
        Assert.True(LearnedDeferral.RulesDefer(FailureClassifiers.Rules().Classify(input)!));

        var analysis = FailureClassifiers.RulesThenLearned(model: s_model).Classify(input)!;

        Assert.Equal(("data_error", LearnedClassifier.RuleId), (analysis.ErrorType, analysis.RuleId));
        Assert.StartsWith("learned: data_error ", analysis.Evidence[0].Text, StringComparison.Ordinal);
        Assert.Contains("msg:column +", analysis.Evidence[0].Text, StringComparison.Ordinal);
        Assert.Contains("; rules said unknown", analysis.Evidence[0].Text, StringComparison.Ordinal);
        Assert.Contains("not a rule", analysis.Evidence[0].Text, StringComparison.Ordinal);
        Assert.Equal("low", analysis.Confidence);
    }

    [Fact]
    public void Where_the_rules_deferred_even_an_unsure_model_answers_at_low_confidence()
    {
        var input = In(Py("RuntimeError", "custom_op_wrapper returned an invalid handle for column 3", Forward, line: 80));
        Assert.Equal("unknown", FailureClassifiers.Rules().Classify(input)!.ErrorType);
        var prediction = s_unsure.Predict(LearnedFeatures.Extract(input, null));
        Assert.True(prediction.Probability < LearnedDeferral.MinProbability);

        var analysis = FailureClassifiers.RulesThenLearned(model: s_unsure).Classify(input)!;

        Assert.Equal((prediction.Category, LearnedClassifier.RuleId, "low"), (analysis.ErrorType, analysis.RuleId, analysis.Confidence));
        Assert.StartsWith($"learned: {prediction.Category} 0.", analysis.Evidence[0].Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("secondary-failure-killed", "host_oom", "low", true)]
    [InlineData("gpu-oom", "oom_training", "low", true)]
    [InlineData("gpu-oom", "oom_training", "medium", false)]
    [InlineData("user-code-builtin-in-library", "user_code", "medium", true)]
    [InlineData(null, "data_error", "medium", true)]
    public void The_fallback_takes_over_where_the_rules_are_weak_or_say_they_are_unsure(string? rule, string category, string confidence, bool defers) =>
        Assert.Equal(defers, LearnedDeferral.RulesDefer(new() { ErrorType = category, ErrorPhase = "unknown", Description = "d", Confidence = confidence, RuleId = rule }));

    [Fact]
    public void A_rule_that_fired_never_loads_the_model()
    {
        var input = In(Py("torch.OutOfMemoryError", "CUDA out of memory. Tried to allocate 2.00 GiB", TrainStep));
        var asked = 0;
        var classifier = new LearnedClassifier(RuleSet.Default, () => { asked++; return s_model; }, LearnedMode.Fallback);

        Assert.Equal("gpu-oom", classifier.Classify(input)!.RuleId);
        Assert.Equal(0, asked);
    }

    [Fact]
    public void A_clean_log_stays_clean() =>
        Assert.Null(FailureClassifiers.Learned(model: s_model).Classify(In(null)));

    [Fact]
    public void The_same_log_always_gets_the_same_decision()
    {
        var input = In(Py("ValueError", "could not convert string to float: 'abc' in column price", [.. Forward, Sp + "pandas/core/frame.py:astype"], line: 90),
            E(85, "ERROR reading shard 3 failed"));
        var classifier = FailureClassifiers.ByName("rules+learned");

        var first = classifier.Classify(input)!;
        var second = FailureClassifiers.ByName("rules+learned").Classify(input)!;

        Assert.Equal((first.ErrorType, first.RuleId, first.Confidence), (second.ErrorType, second.RuleId, second.Confidence));
        Assert.Equal(first.Evidence.Select(e => e.Text), second.Evidence.Select(e => e.Text));
        Assert.Equal(LearnedFeatures.Extract(input, null), LearnedFeatures.Extract(input, null));
    }

    [Fact]
    public void Features_name_type_message_frames_and_the_rule_only_when_given()
    {
        var input = In(Py("torch.OutOfMemoryError", "CUDA out of memory", ["/w/train.py:main", Sp + "torch/nn/modules/module.py:forward"]));
        var byRules = FailureClassifiers.Rules().Classify(input);

        var tokens = LearnedFeatures.Extract(input, byRules);

        Assert.Contains("type:outofmemoryerror", tokens);
        Assert.Contains("tmod:torch", tokens);
        Assert.Contains("msg:memory", tokens);
        Assert.Contains("func:forward", tokens);
        Assert.Contains("fmod:nn", tokens);
        Assert.Contains("rule:gpu-oom", tokens);
        Assert.DoesNotContain(LearnedFeatures.Extract(input, null), t => t.StartsWith("rule", StringComparison.Ordinal));
        Assert.Equal(tokens.Order(StringComparer.Ordinal), tokens);
    }
}
