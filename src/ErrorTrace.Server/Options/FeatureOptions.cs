namespace ErrorTrace.Server.Options;

/// <summary><c>Features</c>: switches read on every request (so a reloaded appsettings takes effect at once).</summary>
internal sealed class FeatureOptions
{
    public const string Section = "Features";

    /// <summary>False answers 404 on <c>/api/training/{job_id}/errors</c>: the seed's rollback path (the panel then shows
    /// its fallback). Environment: <c>ERRORTRACE_Features__ErrorsEndpoint=false</c>.</summary>
    public bool ErrorsEndpoint { get; set; } = true;
}
