namespace ErrorTrace.Server.Options;

/// <summary><c>Jobs</c>: the platform's existing jobs table and its column names. The service only reads it.</summary>
internal sealed class JobsTableOptions
{
    public const string Section = "Jobs";

    /// <summary>The table, optionally schema-qualified (<c>public.training_jobs</c>).</summary>
    public string Table { get; set; } = "training_jobs";

    public JobsColumnOptions Columns { get; set; } = new();
}
