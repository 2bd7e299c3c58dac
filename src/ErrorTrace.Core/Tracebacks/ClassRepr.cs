namespace ErrorTrace.Core.Tracebacks;

/// <summary>
/// An exception reported by its class's repr and its message, as code that formats <c>type(e)</c> prints it:
/// TensorFlow 1's Coordinator (<c>Error reported to Coordinator: &lt;class
/// 'tensorflow.python.framework.errors_impl.InvalidArgumentError'&gt;, LossTensor is inf or nan. : …</c>), Hugging Face
/// datasets' reader (<c>Failed to read file '…' with error &lt;class 'pyarrow.lib.ArrowInvalid'&gt;: JSON parse error: …</c>),
/// a project's logger (<c>&lt;class 'RuntimeError'&gt; at trainer.py:101 - CUDA error: …</c>). The type is the class's
/// qualified name as printed, when named like an exception. A repr with nothing after it is a mention (loguru's variable annotations, a
/// <c>Type: &lt;class 'RuntimeError'&gt;</c> field), not a report of the failure.
/// </summary>
internal static class ClassRepr
{
    private const string Opening = "<class '";
    private const string Closing = "'>";

    /// <summary>What TensorFlow 1's <c>tf.train.Coordinator.request_stop</c> logs, at INFO, for the exception that stops
    /// training (the Supervisor and slim's learning loop re-raise it at join, which an excerpt often cut).</summary>
    public static ReadOnlySpan<byte> CoordinatorReport => "Error reported to Coordinator: "u8;

    /// <summary>Finds the repr in <paramref name="line"/>: the type's start and length, and where its message starts (after
    /// the separator, <c>: </c> or <c>, </c>).</summary>
    public static bool TryFind(ReadOnlySpan<char> line, out int start, out int typeLength, out int messageStart)
    {
        (start, typeLength, messageStart) = (0, 0, 0);
        var at = line.IndexOf(Opening, StringComparison.Ordinal);
        if (at < 0) return false;
        var s = at + Opening.Length;
        var close = line[s..].IndexOf(Closing, StringComparison.Ordinal);
        if (close <= 0) return false;
        var type = line.Slice(s, close);
        if (!ExceptionLine.TryParse(type, out var length, out _) || length != type.Length) return false;
        // Named …Error or …Exception, or Arrow's status class (ArrowInvalid), by its own name: a repr also names classes
        // that are no exception (a model's), so the module-qualified CapWords a bare line accepts are not enough here.
        if (!ExceptionLine.IsNamedLikeException(type, hasMessage: false) && !ExceptionLine.IsNamedLikeException(type[(type.LastIndexOf('.') + 1)..], hasMessage: true)) return false;
        var m = s + close + Closing.Length;
        while (m < line.Length && line[m] is ' ' or ':' or ',') m++;
        if (m == line.Length) return false;
        (start, typeLength, messageStart) = (s, close, m);
        return true;
    }
}
