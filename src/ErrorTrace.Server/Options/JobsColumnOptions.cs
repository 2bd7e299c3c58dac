namespace ErrorTrace.Server.Options;

/// <summary>Column names of the jobs table; each is a plain SQL identifier.</summary>
internal sealed class JobsColumnOptions
{
    public string Id { get; set; } = "id";

    public string Status { get; set; } = "status";

    public string ErrorMessage { get; set; } = "error_message";

    public string Owner { get; set; } = "owner";

    public string LogPath { get; set; } = "log_path";

    public string CreatedAt { get; set; } = "created_at";

    public string UpdatedAt { get; set; } = "updated_at";

    /// <summary>Optional: the host a job ran on (its first node), for the fleet view; empty when the table has none (the
    /// host is then taken from the log, see <c>Core/Fleet/FailureHost</c>).</summary>
    public string? Host { get; set; }
}
