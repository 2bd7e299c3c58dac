using ErrorTrace.Core.Classification.Learned;

namespace ErrorTrace.Core.Tests.Classification.Learned;

/// <summary>The model file: counts round-trip exactly, a broken file says where, the embedded one loads.</summary>
public sealed class LearnedModelTextTests
{
    [Fact]
    public void Counts_round_trip_through_the_text()
    {
        var counts = NaiveBayesTrainer.Count([(["b", "a"], "x"), (["a"], "y"), (["b"], "y")], ["x", "y"], minLogs: 1);
        var text = new StringWriter();

        LearnedModelText.Write(counts, text);
        var read = LearnedModelText.Read(new StringReader(text.ToString()));

        Assert.Equal("errortrace-naive-bayes 1\nalpha 1\ncategories x y\nlogs 1 2\na 0:1 1:1\nb 0:1 1:1\n", text.ToString());
        Assert.Equal(counts.Logs, read.Logs);
        Assert.Equal(counts.TokenLogs["a"], read.TokenLogs["a"]);
    }

    [Fact]
    public void A_complement_model_names_its_kind_and_reads_back_as_one()
    {
        var counts = NaiveBayesTrainer.Count([(["b", "a"], "x"), (["a"], "y"), (["b"], "y")], ["x", "y"], alpha: 0.5, minLogs: 1, kind: NaiveBayesKind.Complement);
        var text = new StringWriter();

        LearnedModelText.Write(counts, text);
        var read = LearnedModelText.Read(new StringReader(text.ToString()));

        Assert.Equal("errortrace-naive-bayes 1\nkind complement\nalpha 0.5\ncategories x y\nlogs 1 2\na 0:1 1:1\nb 0:1 1:1\n", text.ToString());
        Assert.Equal((NaiveBayesKind.Complement, 0.5), (read.Kind, read.Alpha));
        Assert.Equal(counts.ToModel().Weights("a"), read.ToModel().Weights("a"));
    }

    [Theory]
    [InlineData("something else\n", "first line")]
    [InlineData("errortrace-naive-bayes 1\nkind bernoulli\nalpha 1\n", "line 2")]
    [InlineData("errortrace-naive-bayes 1\nkind complement\nalpha 1\ncategories x y\nlogs 1\n", "line 5")]
    [InlineData("errortrace-naive-bayes 1\nalpha 1\ncategories x y\nlogs 1\n", "line 4")]
    [InlineData("errortrace-naive-bayes 1\nalpha 1\ncategories x y\nlogs 1 2\na 5:1\n", "line 5")]
    [InlineData("errortrace-naive-bayes 1\nalpha 1\ncategories x y\nlogs 1 2\na 0:z\n", "line 5")]
    public void A_broken_file_says_where(string text, string where) =>
        Assert.Contains(where, Assert.Throws<InvalidDataException>(() => LearnedModelText.Read(new StringReader(text))).Message, StringComparison.Ordinal);

    [Fact]
    public void The_embedded_model_is_the_shipped_kind()
    {
        using var stream = typeof(LearnedModel).Assembly.GetManifestResourceStream(LearnedModel.ResourceName)!;
        using var reader = new StreamReader(stream);

        var counts = LearnedModelText.Read(reader);

        Assert.Equal((NaiveBayesTrainer.ShippedKind, NaiveBayesTrainer.ShippedAlpha), (counts.Kind, counts.Alpha));
    }

    [Fact]
    public void The_embedded_model_loads_with_every_category()
    {
        var model = LearnedModel.Default;

        Assert.Equal(13, model.Categories.Count);
        Assert.Contains("type:outofmemoryerror", model.Tokens);
        Assert.True(model.Tokens.Count > 1000, $"{model.Tokens.Count} tokens");
    }
}
