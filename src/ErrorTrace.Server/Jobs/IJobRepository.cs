namespace ErrorTrace.Server.Jobs;

/// <summary>Reads the platform's jobs table. Never writes it.</summary>
internal interface IJobRepository
{
    Task<JobRecord?> FindAsync(string jobId, CancellationToken cancellationToken);

    /// <summary>Newest first (created_at, then id), filtered by owner and status.</summary>
    Task<JobPage> ListAsync(JobQuery query, CancellationToken cancellationToken);

    /// <summary>Throws when the database cannot be reached or the table cannot be read.</summary>
    Task PingAsync(CancellationToken cancellationToken);
}
