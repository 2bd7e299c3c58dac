using ErrorTrace.Core.Rendering;

namespace ErrorTrace.Cli.Tests;

public class ReportTextTests
{
    [Theory]
    [InlineData("boom", "boom")]
    [InlineData("\n=====\nsrc/train.py FAILED\n-----", "src/train.py FAILED")]
    [InlineData("\n\n", "")]
    [InlineData("=====", "=====")]
    public void First_line_is_the_first_that_says_something(string message, string expected) =>
        Assert.Equal(expected, ReportText.FirstLine(message));

    [Fact]
    public void Exception_line_drops_the_colon_without_a_message() =>
        Assert.Equal("ChildFailedError", ReportText.ExceptionLine("ChildFailedError", "\n \n"));

    [Theory]
    [InlineData(new int[0], "")]
    [InlineData(new[] { 3 }, "3")]
    [InlineData(new[] { 0, 1 }, "0, 1")]
    [InlineData(new[] { 7, 0, 1, 2, 3, 12, 2 }, "0-3, 7, 12")]
    public void Ranks_are_compact(int[] ranks, string expected) => Assert.Equal(expected, RankList.Format(ranks));

    [Theory]
    [InlineData(0, "0 B")]
    [InlineData(1023, "1023 B")]
    [InlineData(12_345, "12 KiB")]
    [InlineData(1_572_864, "1.5 MiB")]
    public void Sizes_are_binary_units(long bytes, string expected) => Assert.Equal(expected, ByteSize.Format(bytes));
}
