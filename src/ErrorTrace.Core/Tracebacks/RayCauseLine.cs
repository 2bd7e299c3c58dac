namespace ErrorTrace.Core.Tracebacks;

/// <summary>
/// Ray's exception line for a task that failed elsewhere: <c>ray.exceptions.RayTaskError(KeyError): ray::main_task()
/// (pid=…, ip=…)</c>. <c>RayTaskError.as_instanceof_cause()</c> (ray/exceptions.py) builds a class named after both,
/// <c>RayTaskError(KeyError)</c>, and raises it from the driver's <c>ray.get</c>; its message is the task's descriptor and
/// then the task's own frames and exception line, printed without a header. So the line sits among frames: the driver's
/// before it, the task's after it, and the task's exception line (when printed) is the root. The name, cause included,
/// is the type as printed; it is the root only when the task's part was cut before its exception line.
/// </summary>
internal static class RayCauseLine
{
    /// <summary>The longest type, cause included, read here (longer is prose).</summary>
    private const int MaxTypeLength = 200;

    /// <summary>A type read from such a line (<c>RayTaskError(KeyError)</c>): no other line gives a type with a parenthesis.</summary>
    public static bool IsDualName(string type) => type.Length > 0 && type[^1] == ')' && type.Contains('(', StringComparison.Ordinal);

    /// <summary>The dual class's name, <c>RayTaskError(Cause)</c>, and where its message starts, else false. The outer
    /// name ends in Error and the cause is a class name (CapWords): a call in a source line (<c>f(x): …</c>) is neither.</summary>
    public static bool TryParse(ReadOnlySpan<char> line, out int typeLength, out int messageStart)
    {
        typeLength = messageStart = 0;
        var open = line.IndexOf('(');
        if (open <= 0 || open > MaxTypeLength || !ExceptionLine.TryParse(line[..open], out var outerLength, out _) || outerLength != open) return false;
        if (!line[..open].EndsWith("Error", StringComparison.Ordinal)) return false;
        var close = line[open..].IndexOf("): ", StringComparison.Ordinal);
        if (close <= 1) return false;
        var cause = line[(open + 1)..(open + close)];
        if (!ExceptionLine.TryParse(cause, out var causeLength, out _) || causeLength != cause.Length || !ExceptionLine.LooksLikeBareType(cause)) return false;
        typeLength = open + close + 1;
        messageStart = typeLength + 2;
        return true;
    }
}
