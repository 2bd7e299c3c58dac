namespace ErrorTrace.Core.Tracebacks;

/// <summary>
/// Exceptions a library chains in front of the real one to explain how it printed it, not failures of their own. They
/// are left out of a chain, so its first link is the first real failure. Named, each with its reason.
/// </summary>
internal static class ChainArtifacts
{
    private static readonly (string TypeSuffix, string Why)[] s_artifacts =
    [
        ("UnfilteredStackTrace",
            "JAX (jax._src.traceback_util.UnfilteredStackTrace): the same exception with JAX's internal frames, chained as the direct cause of the filtered exception printed after it ('The preceding is the original exception that occurred, unmodified.')."),
        ("SimplifiedTraceback",
            "JAX (jax.errors.SimplifiedTraceback): a notice that JAX removed its internal frames from the traceback of the following exception ('Set JAX_TRACEBACK_FILTERING=off to include these.')."),
    ];

    public static bool IsArtifact(string? type)
    {
        if (type is null) return false;
        foreach (var (suffix, _) in s_artifacts)
        {
            if (type.EndsWith(suffix, StringComparison.Ordinal)) return true;
        }

        return false;
    }

    /// <summary>The artifact that prints the original exception as its message, type first
    /// (<c>UnfilteredStackTrace: RuntimeError: Resource exhausted: …</c>).</summary>
    private const string UnfilteredStackTrace = "UnfilteredStackTrace";

    /// <summary>
    /// The original exception inside JAX's <c>UnfilteredStackTrace</c> when the printout keeps the artifact and not the
    /// filtered copy after it: IPython ends its printout at the artifact's explanation ('The stack trace below excludes
    /// JAX-internal frames.'), and pastes are often cut there. The failure is the type its message starts with; the
    /// frames stay the artifact's, which are the original's. False for any other type, or a message that names none.
    /// </summary>
    public static bool TryUnwrap(ReadOnlySpan<char> type, ReadOnlySpan<char> message, out int innerTypeLength, out int innerMessageStart)
    {
        innerTypeLength = 0;
        innerMessageStart = 0;
        if (!type.EndsWith(UnfilteredStackTrace, StringComparison.Ordinal)) return false;
        return ExceptionLine.TryParse(message, out innerTypeLength, out innerMessageStart)
            && ExceptionLine.IsNamedLikeException(message[..innerTypeLength], hasMessage: innerMessageStart < message.Length);
    }
}
