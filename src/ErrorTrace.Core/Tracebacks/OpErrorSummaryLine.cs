namespace ErrorTrace.Core.Tracebacks;

/// <summary>
/// TensorFlow 1's closing line for a failed op: <c>ResourceExhaustedError (see above for traceback): OOM when allocating
/// tensor …</c> (<c>tensorflow/python/framework/errors_impl.py</c>, <c>OpError.__str__</c> after the "Caused by op"
/// section). It names the exception's class and message; a paste often keeps only it, the traceback above cut off.
/// </summary>
internal static class OpErrorSummaryLine
{
    public const string Marker = " (see above for traceback): ";

    /// <summary>True when <paramref name="line"/> is such a line: a type name, the marker, the message.</summary>
    public static bool TryParse(ReadOnlySpan<char> line, out int typeLength, out int messageStart)
    {
        typeLength = 0;
        messageStart = 0;
        var at = line.IndexOf(Marker, StringComparison.Ordinal);
        if (at <= 0 || !ExceptionLine.TryParse(line[..at], out var length, out _) || length != at) return false;
        typeLength = at;
        messageStart = at + Marker.Length;
        return true;
    }
}
