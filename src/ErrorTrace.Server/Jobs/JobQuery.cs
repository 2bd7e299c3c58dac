namespace ErrorTrace.Server.Jobs;

/// <summary>A page of the job list. <see cref="Owner"/> null means every owner (an admin caller).</summary>
internal sealed record JobQuery(string? Owner, string? Status, int Page, int PageSize);
