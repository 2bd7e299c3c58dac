using ErrorTrace.Core.Classification.Learned;

namespace ErrorTrace.Core.Tests.Classification.Learned;

/// <summary>The naive Bayes arithmetic on a model small enough to check by hand.</summary>
public sealed class NaiveBayesTests
{
    private static readonly string[] s_categories = ["oom", "data"];

    private static readonly (IReadOnlyList<string> Tokens, string Category)[] s_examples =
    [
        (["memory", "cuda"], "oom"),
        (["memory", "cuda", "cuda"], "oom"),
        (["memory"], "oom"),
        (["column", "memory"], "data"),
        (["once"], "data"),
    ];

    [Fact]
    public void Counts_are_logs_per_category_and_tokens_seen_once_are_dropped()
    {
        var counts = NaiveBayesTrainer.Count(s_examples, s_categories, alpha: 1, minLogs: 2);

        Assert.Equal([3, 2], counts.Logs);
        Assert.Equal(["cuda", "memory"], counts.TokenLogs.Keys.Order(StringComparer.Ordinal));
        Assert.Equal([2, 0], counts.TokenLogs["cuda"]);
        Assert.Equal([3, 1], counts.TokenLogs["memory"]);
    }

    [Fact]
    public void Priors_and_likelihoods_are_add_alpha_smoothed()
    {
        var model = NaiveBayesTrainer.Train(s_examples, s_categories, alpha: 1, minLogs: 2);

        // P(oom) = (3+1)/(5+2); P(cuda|oom) = (2+1)/(5+1·2): oom saw 5 kept tokens, the vocabulary has 2.
        Assert.Equal(Math.Log(4.0 / 7), model.LogPriors[0], 12);
        Assert.Equal(Math.Log(3.0 / 7), model.Weights("cuda")[0], 12);
        Assert.Equal(Math.Log(1.0 / 3), model.Weights("cuda")[1], 12);
        Assert.Equal(Math.Log(2.0 / 3), model.Weights("memory")[1], 12);
    }

    [Fact]
    public void The_complement_weighs_a_token_by_how_rare_it_is_in_the_other_categories()
    {
        var model = NaiveBayesTrainer.Train(s_examples, s_categories, alpha: 1, minLogs: 2, kind: NaiveBayesKind.Complement);

        // Equal priors; weight(cuda, oom) = −log P(cuda | not oom) = −log((0+1)/(1+1·2)): data saw 1 kept token, the
        // vocabulary has 2. weight(cuda, data) = −log((2+1)/(5+2)).
        Assert.Equal(Math.Log(0.5), model.LogPriors[0], 12);
        Assert.Equal(-Math.Log(1.0 / 3), model.Weights("cuda")[0], 12);
        Assert.Equal(-Math.Log(3.0 / 7), model.Weights("cuda")[1], 12);
        Assert.Equal(("oom", "data"), (model.Predict(["cuda"]).Category, model.Predict(["cuda"]).RunnerUp));
    }

    [Fact]
    public void The_posterior_is_the_normalised_product_and_unknown_tokens_count_nothing()
    {
        var model = NaiveBayesTrainer.Train(s_examples, s_categories, alpha: 1, minLogs: 2);

        var posterior = model.Posterior(["cuda", "never-seen"]);

        var oom = 4.0 / 7 * (3.0 / 7);
        var data = 3.0 / 7 * (1.0 / 3);
        Assert.Equal(oom / (oom + data), posterior[0], 12);
        Assert.Equal(1.0, posterior.Sum(), 12);
    }

    [Fact]
    public void A_prediction_names_its_runner_up_and_the_tokens_that_weighed_for_it()
    {
        var model = NaiveBayesTrainer.Train(s_examples, s_categories, alpha: 1, minLogs: 2);

        var prediction = model.Predict(["cuda", "memory"]);

        Assert.Equal(("oom", "data"), (prediction.Category, prediction.RunnerUp));
        Assert.Equal("cuda", prediction.Reasons[0].Token);
        Assert.Equal(Math.Log(3.0 / 7) - Math.Log(1.0 / 3), prediction.Reasons[0].Weight, 12);
    }

    [Fact]
    public void A_tie_goes_to_the_category_listed_first()
    {
        var model = NaiveBayesTrainer.Train([(["a", "a2"], "x"), (["a", "a2"], "y")], ["y", "x"], minLogs: 1);

        Assert.Equal("y", model.Predict(["a"]).Category);
    }

    [Fact]
    public void A_label_outside_the_categories_is_refused() =>
        Assert.Throws<ArgumentException>(() => NaiveBayesTrainer.Count([(["a"], "z")], s_categories));
}
