namespace ErrorTrace.Server.Reports;

/// <summary>A failed job's row in the job list: what its report says (<see cref="ReportDigest"/>: counts and root cause;
/// null for a missing log), or that its log is still being read (<see cref="Pending"/>).</summary>
internal readonly record struct JobDigest(ReportDigest? Digest, bool Pending);
