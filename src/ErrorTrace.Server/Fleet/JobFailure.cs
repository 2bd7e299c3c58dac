namespace ErrorTrace.Server.Fleet;

/// <summary><c>GET /api/training/jobs/{job_id}/failure</c>: a job's signature and how many other jobs the caller can
/// see share it (the job page's "same failure in N other jobs").</summary>
internal sealed record JobFailure(string JobId, string Signature, string Category, string Title, string? Host, long JobCount, long OtherJobs);
