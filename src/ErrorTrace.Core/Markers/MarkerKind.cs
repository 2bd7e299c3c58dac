namespace ErrorTrace.Core.Markers;

/// <summary>What a marker line means.</summary>
internal enum MarkerKind
{
    /// <summary>An error line outside any record: counted as an error entry.</summary>
    Error,

    /// <summary>A warning line (Python's <c>warnings.warn</c> output).</summary>
    Warning,

    /// <summary>A process died by a signal: a failure of kind <c>signal</c>, plus an error entry.</summary>
    Death,
}
