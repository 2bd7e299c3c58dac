namespace ErrorTrace.Server.Jobs;

internal sealed record JobPage(IReadOnlyList<JobRecord> Jobs, long Total);
