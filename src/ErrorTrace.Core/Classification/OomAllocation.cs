using System.Globalization;
using System.Text.RegularExpressions;

namespace ErrorTrace.Core.Classification;

/// <summary>
/// Reads the one allocation an out-of-memory message says failed, against the device's whole memory: PyTorch's
/// "Tried to allocate 3.83 GiB (GPU 0; 23.65 GiB total capacity; …" (before 2.1, and HIP's) and "Tried to allocate
/// 270.00 MiB. GPU 6 has a total capacity of 23.65 GiB of which …" (since). Facts read from the text; what a share means
/// is a phase hint's business (<see cref="PhaseEvidence.AllocationShare"/>).
/// </summary>
internal static partial class OomAllocation
{
    private const string Needle = "Tried to allocate";

    /// <summary>The failing allocation as a share of the device's total memory, or null when the text does not say both.</summary>
    public static double? ShareOfDevice(string? text)
    {
        if (string.IsNullOrEmpty(text)) return null;
        var at = text.IndexOf(Needle, StringComparison.Ordinal);
        if (at < 0) return null;
        Match m;
        try
        {
            m = Pattern().Match(text, at, Math.Min(text.Length - at, MaxWindow));
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }

        if (!m.Success) return null;
        var requested = Bytes(m.Groups["a"].Value, m.Groups["au"].Value);
        var total = Bytes(m.Groups["t"].Value, m.Groups["tu"].Value);
        return requested is { } r && total is > 0 ? r / total.Value : null;
    }

    /// <summary>Both numbers sit within the message's first sentence or two.</summary>
    private const int MaxWindow = 200;

    private static double? Bytes(string number, string unit)
    {
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)) return null;
        var scale = char.ToUpperInvariant(unit[0]) switch
        {
            'K' => 1024d,
            'M' => 1024d * 1024,
            'G' => 1024d * 1024 * 1024,
            'T' => 1024d * 1024 * 1024 * 1024,
            _ => 1d,
        };
        return value * scale;
    }

    /// <summary>The window is 200 characters and the pattern's gaps are bounded, so only a starved thread reaches the
    /// timeout (as <see cref="RegexFactory.MatchTimeout"/>: at load 20 a tenth of a second threw out of a classification);
    /// a timeout reads as "the text does not say", never as an exception.</summary>
    [GeneratedRegex(@"Tried to allocate (?<a>\d+(\.\d+)?) ?(?<au>[KMGT]i?B|B)\b[^\n]{0,20}?(\(GPU \d+; |GPU \d+ has a total capacity of )(?<t>\d+(\.\d+)?) ?(?<tu>[KMGT]i?B)",
        RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 2000)]
    private static partial Regex Pattern();
}
