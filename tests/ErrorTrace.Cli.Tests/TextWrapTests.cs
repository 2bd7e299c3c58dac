using ErrorTrace.Cli.Rendering;

namespace ErrorTrace.Cli.Tests;

public class TextWrapTests
{
    [Fact]
    public void Wraps_with_a_hanging_indent() =>
        Assert.Equal(["  • one two", "    three"], TextWrap.Lines("one two three", "  • ", 14));

    [Fact]
    public void Keeps_short_text_on_one_line() =>
        Assert.Equal(["- short"], TextWrap.Lines("short", "- ", 80));

    [Fact]
    public void Cuts_words_longer_than_a_line()
    {
        var lines = TextWrap.Lines(new string('x', 25), "> ", 12);

        Assert.All(lines, line => Assert.True(line.Length <= 12, line));
        Assert.Equal(25, string.Concat(lines.Select(l => l[2..])).Length);
    }

    [Fact]
    public void Keeps_line_breaks_of_the_text() =>
        Assert.Equal(["* a", "  b"], TextWrap.Lines("a\nb", "* ", 80));
}
