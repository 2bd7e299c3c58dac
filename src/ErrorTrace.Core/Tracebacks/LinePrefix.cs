namespace ErrorTrace.Core.Tracebacks;

/// <summary>
/// A prefix a job runner writes before every line it forwards (<c>2023-04-29 06:01:12.977 [177/train/578 (pid 28936)] </c>):
/// the traceback header arrives glued after it, and so does every later line of the printout. A later line carries
/// the same prefix when it has the same text at the start with only digits changed (the clock ticks, the text does
/// not). A progress bar or a label glued before the header does not repeat, so it never matches.
/// </summary>
internal static class LinePrefix
{
    public static bool Matches(ReadOnlySpan<char> line, string prefix)
    {
        if (line.Length < prefix.Length) return false;
        for (var i = 0; i < prefix.Length; i++)
        {
            var a = line[i];
            var b = prefix[i];
            if (a != b && !(char.IsAsciiDigit(a) && char.IsAsciiDigit(b))) return false;
        }

        return true;
    }
}
