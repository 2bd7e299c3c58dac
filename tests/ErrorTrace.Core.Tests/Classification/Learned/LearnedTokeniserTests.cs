using ErrorTrace.Core.Classification.Learned;

namespace ErrorTrace.Core.Tests.Classification.Learned;

/// <summary>The tokens the learned classifier counts: lower-case words, short numbers only, names with their segments.</summary>
public sealed class LearnedTokeniserTests
{
    [Fact]
    public void Words_are_lower_case_and_short_numbers_stay_long_ones_go()
    {
        var tokens = new SortedSet<string>(StringComparer.Ordinal);

        LearnedTokeniser.AddWords("CUDA out of memory. Tried to allocate 20482 MiB; exitcode -9, a x", "msg:", tokens, maxWords: 20);

        Assert.Equal(["msg:9", "msg:allocate", "msg:cuda", "msg:exitcode", "msg:mib", "msg:memory", "msg:of", "msg:out", "msg:to", "msg:tried"], tokens);
    }

    [Fact]
    public void At_most_max_words_are_taken()
    {
        var tokens = new HashSet<string>(StringComparer.Ordinal);

        LearnedTokeniser.AddWords("one two three four", "w:", tokens, maxWords: 2);

        Assert.Equal(["w:one", "w:two"], tokens.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_dotted_name_gives_its_last_segment_whole_and_every_module_segment()
    {
        var tokens = new SortedSet<string>(StringComparer.Ordinal);

        LearnedTokeniser.AddName("torch.cuda.OutOfMemoryError", "type:", "tmod:", tokens);
        LearnedTokeniser.AddName(@"C:\env\site-packages\torch\nn\module.py", "file:", "fmod:", tokens);

        Assert.Equal(["file:py", "fmod:env", "fmod:module", "fmod:nn", "fmod:site-packages", "fmod:torch", "tmod:cuda", "tmod:torch", "type:outofmemoryerror"], tokens);
    }

    [Theory]
    [InlineData("KeyError: 'labels'")]
    [InlineData("KeyError: \"input_ids\"")]
    [InlineData("KeyError: `pixel_values`")]
    public void Masked_words_read_a_quoted_value_as_the_word_quoted(string message)
    {
        var tokens = new SortedSet<string>(StringComparer.Ordinal);

        LearnedTokeniser.AddMaskedWords(message, "msg:", tokens, maxWords: 10);

        Assert.Equal(["msg:keyerror", "msg:quoted"], tokens);
    }

    [Fact]
    public void Masked_words_keep_apostrophes_inside_words_and_numbers()
    {
        var tokens = new SortedSet<string>(StringComparer.Ordinal);

        LearnedTokeniser.AddMaskedWords("don't retry: exit code 137", "msg:", tokens, maxWords: 10);

        Assert.Equal(["msg:137", "msg:code", "msg:don", "msg:exit", "msg:retry"], tokens);
    }

    [Fact]
    public void Empty_text_adds_nothing()
    {
        var tokens = new HashSet<string>(StringComparer.Ordinal);

        LearnedTokeniser.AddWords(null, "w:", tokens, 5);
        LearnedTokeniser.AddName("  ", "t:", "m:", tokens);

        Assert.Empty(tokens);
    }
}
