using ErrorTrace.Server.Jobs;

namespace ErrorTrace.Server.Fleet;

/// <summary>A failed row of the jobs table as the indexer reads it.</summary>
/// <param name="Job">The row, normalised.</param>
/// <param name="Host">The host column, when one is configured.</param>
/// <param name="Version">What must change for the job to be analysed again (its <c>updated_at</c> and status).</param>
/// <param name="RawUpdatedAt">The provider's own value of <c>updated_at</c>, for the watermark: sent back as the same
/// type, it compares in the database as the column does (text, integer or timestamp).</param>
internal sealed record FailedJob(JobRecord Job, string? Host, string Version, object? RawUpdatedAt);
