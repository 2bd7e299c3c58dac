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
}
