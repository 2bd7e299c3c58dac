namespace ErrorTrace.Core.Records;

/// <summary>A record's severity. <see cref="None"/> marks an unstructured line (no recognised header).</summary>
internal enum LogLevel : byte
{
    None = 0,
    Debug,
    Info,
    Warning,
    Error,
    Critical,

    /// <summary>glog's <c>F</c>: the message was logged and the process aborted (<c>LOG(FATAL)</c>, a failed <c>CHECK</c>).
    /// Python's CRITICAL and FATAL words are <see cref="Critical"/>: logging them ends nothing.</summary>
    Fatal,
}
