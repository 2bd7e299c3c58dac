using ErrorTrace.Core.Markers;

namespace ErrorTrace.Core.Tests.Engine;

public sealed class NeedleIndexTests
{
    private static readonly NeedleIndex s_index = new([["Killed", "exit code"], ["code 1"], ["Warning: "], ["illed"]]);

    [Theory]
    [InlineData("nothing here", 0b0000UL)]
    [InlineData("Killed", 0b1001UL)] // "illed" inside "Killed": overlapping needles both count
    [InlineData("process exit code 137", 0b0011UL)] // "code 1" overlaps "exit code"
    [InlineData("a.py:1: UserWarning: x then Killed", 0b1101UL)]
    [InlineData("exit cod", 0b0000UL)]
    [InlineData("已杀死 exit code 1 Killed", 0b1011UL)] // chars that are not ASCII keep the needles' positions
    [InlineData("Kil\u00e9led exit\u00a0code", 0b0000UL)]
    public void Candidates_are_the_rules_with_a_needle_anywhere_in_the_line(string line, ulong expected) =>
        Assert.Equal(expected, s_index.Candidates(line));

    [Fact]
    public void Every_marker_needle_selects_its_marker()
    {
        var index = new NeedleIndex(LineMarkers.All.Select(m => m.Needles).ToArray());
        for (var i = 0; i < LineMarkers.All.Length; i++)
        {
            foreach (var needle in LineMarkers.All[i].Needles)
                Assert.NotEqual(0UL, index.Candidates("x " + needle + " y") & (1UL << i));
        }
    }
}
