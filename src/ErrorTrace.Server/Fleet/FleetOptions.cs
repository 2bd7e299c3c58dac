namespace ErrorTrace.Server.Fleet;

/// <summary><c>Fleet</c>: the background indexer that analyses every failed job as it fails.</summary>
internal sealed class FleetOptions
{
    public const string Section = "Fleet";

    /// <summary>Off: no indexing (the endpoints still answer from what the store holds).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often the jobs table is read for newly failed jobs. A job is indexed within about this long after
    /// its row says failed (plus its analysis).</summary>
    public double PollSeconds { get; set; } = 5;

    /// <summary>How often every failed job is compared with the store, not only those past the watermark: catches rows
    /// whose <c>updated_at</c> did not move, and claims of a replica that died mid-analysis.</summary>
    public double SweepMinutes { get; set; } = 10;

    /// <summary>A claim not completed within this long (a replica died mid-analysis) may be taken by another replica.</summary>
    public double ClaimSeconds { get; set; } = 300;

    /// <summary>Tries per job version before the indexer gives up on a log it cannot analyse.</summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>How long a page of <c>GET /api/training/failures</c> is reused (per replica, per caller and filter); 0
    /// turns it off. The list groups every indexed job, so dashboards polling it would otherwise re-run that each time.</summary>
    public double ListCacheSeconds { get; set; } = 2;

    /// <summary>Logs analysed at once; 0 means half the cores (at least one), so requests keep a core.</summary>
    public int Concurrency { get; set; }
}
