namespace ErrorTrace.Core.Tracebacks;

/// <summary>
/// How Ray names a failed remote task or actor method at the end of a line: <c>ray::NetworkRunner.run() (pid=9454,
/// ip=10.164.0.9)</c>, <c>ray::_RayTrainWorker__execute.get_next() (pid=12451, ip=…, actor_id=…, repr=&lt;…&gt;)</c>.
/// RayTaskError's text, and the driver's "Unhandled error (suppress with RAY_IGNORE_UNHANDLED_ERRORS=1): ray::…" record,
/// put the task's frames and exception right after it with no "Traceback (most recent call last):" header.
/// </summary>
internal static class RayTaskDescriptor
{
    public static bool EndsWith(ReadOnlySpan<char> text)
    {
        text = text.TrimEnd();
        if (text.IsEmpty || text[^1] != ')') return false;
        var task = text.LastIndexOf("ray::", StringComparison.Ordinal);
        if (task < 0) return false;
        var rest = text[(task + 5)..];
        var call = rest.IndexOf("() (pid=", StringComparison.Ordinal);
        return call > 0 && !rest[..call].Contains(' ');
    }
}
