namespace ErrorTrace.Server.Reports;

/// <summary>What bringing a job's analysis up to date took.</summary>
internal enum RefreshKind
{
    /// <summary>Nothing: the file has the identity, length and times already read.</summary>
    Hit,

    /// <summary>Only the bytes appended since the last read were parsed.</summary>
    Incremental,

    /// <summary>The whole log was parsed (first read, gzip, rotated, truncated, or rewritten).</summary>
    Full,
}
