namespace ErrorTrace.Server.Jobs;

/// <summary>The statuses of the seed's contract.</summary>
internal static class JobStatuses
{
    public const string Failed = "failed";
    public const string Cancelled = "cancelled";
    public const string Completed = "completed";
    public const string Running = "running";

    public static readonly string[] All = [Failed, Cancelled, Completed, Running];
}
