namespace ErrorTrace.Server.Fleet;

/// <summary><c>Notify</c>: an optional Slack-compatible webhook (a JSON body with a <c>text</c> field).</summary>
internal sealed class NotifyOptions
{
    public const string Section = "Notify";

    /// <summary>Where to POST; empty turns notifications off.</summary>
    public string? WebhookUrl { get; set; }

    /// <summary>A signature that reaches this many jobs within <see cref="WindowMinutes"/> is announced (once per window).</summary>
    public int BurstJobs { get; set; } = 10;

    /// <summary>The burst window, and how recent a failure must be to be news: jobs back-filled from older history never
    /// notify, so a first start does not announce every old signature.</summary>
    public double WindowMinutes { get; set; } = 60;

    /// <summary>The panel's public base URL (<c>https://errortrace.example.com</c>) for links in messages; none without it.</summary>
    public string? PanelUrl { get; set; }
}
