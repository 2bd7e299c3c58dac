using ErrorTrace.Core.Classification;
using ErrorTrace.Core.Classification.Learned;

namespace ErrorTrace.Core.Tests.Classification.Learned;

/// <summary>A log the rules find clean: the model may name a category only when its last lines say something failed.</summary>
public sealed class FailureWordsTests
{
    private static readonly string[] s_memoryWords = ["ctx:killed", "ctx:memory", "ctx:limits", "ctx:container"];

    private static readonly string[] s_diskWords = ["ctx:storage", "ctx:ephemeral", "ctx:volume"];

    /// <summary>"container killed … memory limits" means host_oom; "ephemeral storage volume" means disk_error.</summary>
    private static readonly NaiveBayesModel s_model = NaiveBayesTrainer.Train(
        [.. Enumerable.Repeat((s_memoryWords, "host_oom"), 3).Concat(Enumerable.Repeat((s_diskWords, "disk_error"), 3))
            .Select(e => ((IReadOnlyList<string>)e.Item1, e.Item2))],
        ["host_oom", "disk_error"]);

    [Theory]
    [InlineData("17/11/25 18:23:24 ERROR YarnClusterScheduler: Lost executor 9: Container killed by YARN for exceeding memory limits.")]
    [InlineData("[TRT] [E] 4: [runtime.cpp::deserializeCudaEngine::50] Error Code 4: Internal Error (Engine deserialization failed.)")]
    [InlineData("Pod ephemeral local storage usage exceeds the total limit of containers 30Gi.")]
    [InlineData("INFO:tensorflow:global step 442: loss = nan (0.404 sec/step)")]
    [InlineData(">Killed: 9")]
    public void Last_lines_that_say_a_failure_happened_are_found(string line) =>
        Assert.Equal(line, FailureWords.Last(Lines("step 1/100", line, ""))?.Text);

    [Theory]
    [InlineData("Epoch 3/3: 100%|██████████| 500/500 [02:11<00:00, loss=0.213]")]
    [InlineData("Evaluation finished: 0 errors, accuracy 0.91, error_rate=0.09")]
    [InlineData("Saving model checkpoint to ./out/checkpoint-500")]
    public void A_healthy_runs_last_lines_are_not(string line) =>
        Assert.Null(FailureWords.Last(Lines("step 1/100", line)));

    [Fact]
    public void A_clean_log_whose_last_lines_say_a_container_was_killed_gets_the_models_category_and_the_line()
    {
        var input = Clean("INFO BlockManager: started", "ERROR YarnClusterScheduler: Container killed by YARN for exceeding memory limits.");

        var analysis = FailureClassifiers.RulesThenLearned(model: s_model).Classify(input)!;

        Assert.Equal(("host_oom", LearnedClassifier.RuleId, "low"), (analysis.ErrorType, analysis.RuleId, analysis.Confidence));
        Assert.Contains("no failure found; the last lines say one happened", analysis.Evidence[0].Text, StringComparison.Ordinal);
        Assert.Contains(analysis.Evidence, e => e.Line == 2 && e.Text.Contains("Container killed", StringComparison.Ordinal));
    }

    [Fact]
    public void A_clean_log_without_failure_words_stays_without_analysis_and_the_rules_alone_never_guess()
    {
        Assert.Null(FailureClassifiers.RulesThenLearned(model: s_model).Classify(Clean("Container started", "Saving model to ./out")));
        Assert.Null(FailureClassifiers.Rules().Classify(Clean("Container killed by YARN for exceeding memory limits.")));
    }

    private static ClassificationInput Clean(params string[] lines) => new(null, [], [], null) { Context = Lines(lines) };

    private static List<ContextLine> Lines(params string[] lines) => [.. lines.Select((text, i) => new ContextLine(i + 1, text))];
}
