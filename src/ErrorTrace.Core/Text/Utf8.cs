using System.Text;

namespace ErrorTrace.Core.Text;

/// <summary>Lenient UTF-8: invalid bytes become U+FFFD, never an exception (logs of crashing processes are not valid text).</summary>
internal static class Utf8
{
    private static readonly UTF8Encoding s_lenient = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    public static string Decode(ReadOnlySpan<byte> bytes) => s_lenient.GetString(bytes);

    /// <summary>Decodes into <paramref name="destination"/>, which holds at least one char per byte.</summary>
    public static int Decode(ReadOnlySpan<byte> bytes, Span<char> destination) => s_lenient.GetChars(bytes, destination);
}
