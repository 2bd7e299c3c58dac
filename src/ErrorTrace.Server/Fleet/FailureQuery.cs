namespace ErrorTrace.Server.Fleet;

/// <summary>A page of signatures. <see cref="Owner"/> null means every owner (an admin).</summary>
internal sealed record FailureQuery(string? Owner, DateTime? Since, string? Category, string? Host, int Page, int PageSize);
