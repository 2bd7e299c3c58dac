namespace ErrorTrace.Server.Endpoints;

/// <summary>A page of jobs, newest first.</summary>
internal sealed record JobList(IReadOnlyList<JobSummary> Jobs, int Page, int PageSize, long Total);
