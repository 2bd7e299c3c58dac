namespace ErrorTrace.Core.Tracebacks;

/// <summary>
/// An exception whose message ends in <c>raised:</c> wraps the exception printed on the next line. torch._dynamo's
/// <c>BackendCompilerFailed</c> (torch/_dynamo/exc.py) prints <c>backend='inductor' raised:</c>, then the backend's own
/// exception as <c>RuntimeError: Cannot find a working triton installation…</c>; <c>torch.compile</c>'s failures in every
/// project read so. Inside a traceback the parser takes the second line as the message; printed without the traceback,
/// the two are read as exception lines of their own, and the wrapper is what was raised (the inner one only its message).
/// </summary>
internal static class RaisedWrapperLine
{
    private const string Ending = " raised:";

    /// <summary>The wrapper's type and message when <paramref name="line"/> is such a wrapper's exception line (after a
    /// <c>[tag]: </c> prefix no envelope rule knew), else false.</summary>
    public static bool TryParse(ReadOnlySpan<char> line, out string type, out string message)
    {
        type = message = "";
        line = line.Trim();
        if (!line.EndsWith(Ending, StringComparison.Ordinal)) return false;
        line = line[Markers.MarkerMatchers.SkipBracketPrefix(line)..];
        if (!ExceptionLine.TryParse(line, out var typeLength, out var messageStart) || messageStart >= line.Length) return false;
        if (!ExceptionLine.LooksLikeBareType(line[..typeLength])) return false;
        type = line[..typeLength].ToString();
        message = line[messageStart..].ToString();
        return true;
    }
}
