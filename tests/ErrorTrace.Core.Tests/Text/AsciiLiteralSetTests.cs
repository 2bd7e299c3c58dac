using System.Text;
using CsCheck;
using ErrorTrace.Core.Analysis;
using ErrorTrace.Core.Text;

namespace ErrorTrace.Core.Tests.Text;

/// <summary>The SIMD literal search must say exactly what a plain substring search says, on every path it has: the
/// 32-byte blocks, the 16-byte blocks, the byte-at-a-time loop for short lines, and the last block moved back to end at
/// the text's end.</summary>
public class AsciiLiteralSetTests
{
    private static readonly string[] s_literals = [.. UnstructuredGate.Needles];

    private static readonly AsciiLiteralSet s_set = new(s_literals);

    /// <summary>Text made of pieces of the literals themselves, so near misses ("Trac", "exit", "Erro") are common.</summary>
    private static readonly Gen<string> s_piece = Gen.OneOf(
        Gen.Int[0, s_literals.Length - 1].SelectMany(i => Gen.Int[0, s_literals[i].Length].Select(n => s_literals[i][..n])),
        Gen.Int[0, s_literals.Length - 1].Select(i => s_literals[i]),
        Gen.String[Gen.Char["abcXYZ :,.'{}[]|█é中\t"], 0, 12]);

    private static readonly Gen<string> s_text = s_piece.Array[0, 24].Select(pieces => string.Concat(pieces));

    [Fact]
    public void Agrees_with_a_substring_search_on_every_text() =>
        s_text.Sample(text =>
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            var expected = s_literals.Any(l => text.Contains(l, StringComparison.Ordinal));
            Assert.Equal(expected, s_set.ContainsAny(bytes));
        }, iter: 20_000);

    /// <summary>Tags name every literal that occurs, not only the first one found (the markers' candidate rules).</summary>
    [Fact]
    public void Tags_are_those_of_every_literal_in_the_text()
    {
        var literals = s_literals.Take(64).ToArray();
        var set = new AsciiLiteralSet(literals.Select((l, i) => (l, 1UL << i)));
        s_text.Sample(text =>
        {
            var expected = literals.Select((l, i) => text.Contains(l, StringComparison.Ordinal) ? 1UL << i : 0).Aggregate(0UL, (a, b) => a | b);
            Assert.Equal(expected, set.Tags(Encoding.UTF8.GetBytes(text)));
        }, iter: 20_000);
    }

    /// <summary>Each literal at every position of texts of every length up to three 32-byte blocks, so each lands in
    /// every lane, across block boundaries, and in the moved-back last block.</summary>
    [Fact]
    public void Finds_each_literal_at_every_position()
    {
        foreach (var literal in s_literals)
        {
            for (var length = literal.Length; length <= 100; length++)
            {
                for (var at = 0; at + literal.Length <= length; at++)
                {
                    var text = new string('x', at) + literal + new string('y', length - at - literal.Length);
                    Assert.True(s_set.ContainsAny(Encoding.ASCII.GetBytes(text)), $"'{literal}' at {at} of {length}");
                }
            }
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("Kil")]
    [InlineData("Kille")]
    [InlineData("node-1:41230:41230 [0] NCCL INFO NET/Plugin: No plugin found (libnccl-net.so)")]
    [InlineData("Tracebac Exceptio exit_code Warning:")]
    public void Near_misses_are_not_matches(string text) => Assert.False(s_set.ContainsAny(Encoding.UTF8.GetBytes(text)));

    [Fact]
    public void Literals_shorter_than_a_fingerprint_or_not_ascii_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new AsciiLiteralSet(["abc"]));
        Assert.Throws<ArgumentException>(() => new AsciiLiteralSet(["naïve"]));
        Assert.Throws<ArgumentException>(() => new AsciiLiteralSet(Array.Empty<string>()));
        Assert.Throws<ArgumentException>(() => new AsciiLiteralSet(["ab\0cd"]));
    }

    /// <summary>More distinct fingerprints than buckets: the planner merges them and nothing is lost.</summary>
    [Fact]
    public void Many_literals_share_eight_buckets()
    {
        var literals = Enumerable.Range(0, 200).Select(i => $"L{i:D3}x").ToArray();
        var set = new AsciiLiteralSet(literals);
        foreach (var literal in literals) Assert.True(set.ContainsAny(Encoding.ASCII.GetBytes("some text " + literal + " more")));
        Assert.False(set.ContainsAny(Encoding.ASCII.GetBytes("some text L999y and L20 and L0012")));
    }
}
