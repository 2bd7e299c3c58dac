namespace ErrorTrace.Core.Text;

/// <summary>
/// Where in a literal its fingerprint should be taken: the window of its bytes that ordinary log text holds least
/// often. A literal search (<see cref="AsciiLiteralSet"/>) verifies every place the text has a fingerprint's bytes, so a
/// phrase that starts with common bytes (<c>low on resource: memory</c>, <c> killed  </c>, <c>segfault at </c>) made
/// ordinary words (<c>below</c>, <c>follow</c>, <c>segment</c>) candidates at every step; its rarer inner window
/// (<c>ce: </c>, <c>d  </c>, <c>lt a</c>) keeps the phrase whole and the candidates few. Rarity is the bytes' rank in
/// the real-log corpus, read as Zipf's law (a byte's frequency falls as 1 / rank), so a window's rarity is the sum of
/// its bytes' log ranks; the first of equally rare windows wins.
/// </summary>
internal static class RareWindow
{
    /// <summary>Printable ASCII from the commonest byte to the rarest in the corpus's logs (1.4 MB,
    /// <c>tests/ErrorTrace.Core.Tests/Corpus/real/*.log</c>, 2026-12-04): Python counting every byte, sorted by count.
    /// A byte not here (a control byte) is rarer than all of them.</summary>
    private const string ByCommonness =
        " etaoirnslc/pd0_m.u-1h:,g2fyb34k5697\"8()vw]=[ECxFNT^RALSIO'PD*G>UMzB\\<|Wj`Hq#VK+{};%YX!@?Z&~JQ$";

    private static readonly double[] s_logRank = BuildLogRanks();

    private static double[] BuildLogRanks()
    {
        var ranks = new double[128];
        Array.Fill(ranks, Math.Log(ByCommonness.Length + 1));
        for (var i = 0; i < ByCommonness.Length; i++) ranks[ByCommonness[i]] = Math.Log(i + 1);
        return ranks;
    }

    /// <summary>The offset of the rarest <paramref name="width"/>-byte window of an ASCII <paramref name="literal"/> at
    /// least that long.</summary>
    public static int Offset(string literal, int width)
    {
        var (best, bestRarity) = (0, double.MinValue);
        for (var at = 0; at + width <= literal.Length; at++)
        {
            var rarity = 0.0;
            for (var k = 0; k < width; k++) rarity += s_logRank[literal[at + k] & 0x7F];
            if (rarity > bestRarity) (best, bestRarity) = (at, rarity);
        }

        return best;
    }
}
