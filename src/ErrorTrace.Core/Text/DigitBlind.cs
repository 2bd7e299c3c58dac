using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace ErrorTrace.Core.Text;

/// <summary>
/// A message with its digits' values forgotten: every ASCII digit becomes <c>1</c>, except a <c>0</c> that starts a
/// <c>0x</c> literal. The message masks (<see cref="Grouping.MessageMasks"/>) look at a digit only for being one (and at
/// that <c>0</c>), so two messages with the same digit-blind text always mask alike: the key of a memo that skips the
/// masking when only numbers changed (<c>sample 17</c>, <c>sample 18</c>). Digits are replaced 16 characters at a time
/// where the CPU has 256-bit vectors (the same answer as the loop, which the tests hold it to).
/// </summary>
internal static class DigitBlind
{
    /// <summary>Writes the digit-blind form of <paramref name="text"/> into <paramref name="destination"/> (at least as
    /// long) and returns it.</summary>
    public static ReadOnlySpan<char> Write(ReadOnlySpan<char> text, Span<char> destination)
    {
        var output = destination[..text.Length];
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            ref var source = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(text));
            ref var target = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(output));
            for (; i <= text.Length - Vector256<ushort>.Count; i += Vector256<ushort>.Count)
            {
                var chars = Vector256.LoadUnsafe(ref source, (nuint)i);
                var isDigit = Vector256.LessThanOrEqual(chars - Vector256.Create((ushort)'0'), Vector256.Create((ushort)9));
                Vector256.ConditionalSelect(isDigit, Vector256.Create((ushort)'1'), chars).StoreUnsafe(ref target, (nuint)i);
            }
        }

        for (; i < text.Length; i++) output[i] = char.IsAsciiDigit(text[i]) ? '1' : text[i];
        KeepHexPrefixes(text, output);
        return output;
    }

    /// <summary>The loop alone: the tests' reference.</summary>
    internal static string WriteScalar(ReadOnlySpan<char> text)
    {
        var output = new char[text.Length];
        for (var i = 0; i < text.Length; i++) output[i] = char.IsAsciiDigit(text[i]) ? '1' : text[i];
        KeepHexPrefixes(text, output);
        return new string(output);
    }

    private static void KeepHexPrefixes(ReadOnlySpan<char> text, Span<char> output)
    {
        for (var at = text.IndexOfAny('x', 'X'); at >= 0; at = Next(text, at))
        {
            if (at > 0 && text[at - 1] == '0') output[at - 1] = '0';
        }
    }

    private static int Next(ReadOnlySpan<char> text, int at)
    {
        var next = text[(at + 1)..].IndexOfAny('x', 'X');
        return next < 0 ? -1 : at + 1 + next;
    }
}
