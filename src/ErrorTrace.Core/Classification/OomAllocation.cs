using System.Globalization;
using System.Text.RegularExpressions;

namespace ErrorTrace.Core.Classification;

/// <summary>
/// Reads the one allocation an out-of-memory message says failed, against the device's whole memory: PyTorch's
/// "Tried to allocate 3.83 GiB (GPU 0; 23.65 GiB total capacity; …" (before 2.1, and HIP's) and "Tried to allocate
/// 270.00 MiB. GPU 6 has a total capacity of 23.65 GiB of which …" (since; 2.1 and 2.2 printed it misspelt, "total
/// capacty of"), and PaddlePaddle's "Cannot allocate 12.447770GB memory on GPU 3, 27.584717GB memory has been allocated
/// and available memory is only 4.163818GB.", whose device is what the process holds plus what is free (another
/// process's memory is not counted, so the share is read a little high on a shared card). Facts read from the text; what
/// a share means is a phase hint's business (<see cref="PhaseEvidence.AllocationShare"/>).
/// </summary>
internal static partial class OomAllocation
{
    private const string PyTorchNeedle = "Tried to allocate";
    private const string PaddleNeedle = "Cannot allocate";

    /// <summary>The failing allocation as a share of the device's total memory, or null when the text does not say both.</summary>
    public static double? ShareOfDevice(string? text)
    {
        if (string.IsNullOrEmpty(text)) return null;
        var at = text.IndexOf(PyTorchNeedle, StringComparison.Ordinal);
        if (at >= 0)
        {
            var m = Read(PyTorch(), text, at);
            return m is null ? null : Share(m, m.Groups["t"], m.Groups["tu"], null, null);
        }

        at = text.IndexOf(PaddleNeedle, StringComparison.Ordinal);
        if (at < 0) return null;
        var p = Read(Paddle(), text, at);
        return p is null ? null : Share(p, p.Groups["h"], p.Groups["hu"], p.Groups["f"], p.Groups["fu"]);
    }

    /// <summary>Both numbers sit within the message's first sentence or two.</summary>
    private const int MaxWindow = 200;

    private static Match? Read(Regex pattern, string text, int at)
    {
        try
        {
            var m = pattern.Match(text, at, Math.Min(text.Length - at, MaxWindow));
            return m.Success ? m : null;
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
    }

    /// <summary>The requested bytes over the device's: <paramref name="total"/>, plus <paramref name="free"/> when the
    /// wording gives the device in two parts (held and free).</summary>
    private static double? Share(Match m, Group total, Group totalUnit, Group? free, Group? freeUnit)
    {
        var requested = Bytes(m.Groups["a"].Value, m.Groups["au"].Value);
        var device = Bytes(total.Value, totalUnit.Value);
        if (free is not null && freeUnit is not null) device += Bytes(free.Value, freeUnit.Value);
        return requested is { } r && device is > 0 ? r / device.Value : null;
    }

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
    [GeneratedRegex(@"Tried to allocate (?<a>\d+(\.\d+)?) ?(?<au>[KMGT]i?B|B)\b[^\n]{0,20}?(\(GPU \d+; |GPU \d+ has a total capaci?ty of )(?<t>\d+(\.\d+)?) ?(?<tu>[KMGT]i?B)",
        RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 2000)]
    private static partial Regex PyTorch();

    /// <summary>Paddle's wording: requested, held by the process, free (units GB, MB, KB or B, no space).</summary>
    [GeneratedRegex(@"Cannot allocate (?<a>\d+(\.\d+)?) ?(?<au>[KMGT]i?B|B) memory on GPU \d+, (?<h>\d+(\.\d+)?) ?(?<hu>[KMGT]i?B|B) memory has been allocated and available memory is only (?<f>\d+(\.\d+)?) ?(?<fu>[KMGT]i?B|B)",
        RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 2000)]
    private static partial Regex Paddle();
}
