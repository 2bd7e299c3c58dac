using System.Globalization;
using System.Net.Http.Json;
using ErrorTrace.Core.Redaction;
using Microsoft.Extensions.Options;

namespace ErrorTrace.Server.Fleet;

/// <summary>
/// Posts to <c>Notify:WebhookUrl</c> when a new signature appears or one reaches <c>Notify:BurstJobs</c> jobs within
/// <c>Notify:WindowMinutes</c>. The store decides which replica announces (see <see cref="FleetStore.CompleteAsync"/>),
/// so each event is posted once. Failures are logged and counted, never retried: a missed message must not hold up
/// indexing, and the failures page shows the same facts.
/// </summary>
internal sealed class FleetNotifier(IHttpClientFactory clients, IOptions<NotifyOptions> options, TimeProvider time, ILogger<FleetNotifier> logger)
{
    public const string ClientName = "errortrace-webhook";

    /// <summary>A webhook that does not answer within this long is given up on (Slack answers in well under a second).</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    public bool Enabled => !string.IsNullOrWhiteSpace(options.Value.WebhookUrl);

    public async Task NotifyAsync(IndexedJob job, CompletedIndex completed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(completed);
        if (!Enabled || !completed.Stored) return;
        var settings = options.Value;
        var window = TimeSpan.FromMinutes(settings.WindowMinutes);
        // History found by the back-fill is not news: only failures within the window are announced as new.
        var recent = time.GetUtcNow().UtcDateTime - job.FailedAt <= window;
        if (completed.NewSignature && recent) await PostAsync(Message(job, "new", completed.JobsInWindow), cancellationToken).ConfigureAwait(false);
        if (completed.Burst) await PostAsync(Message(job, "burst", completed.JobsInWindow), cancellationToken).ConfigureAwait(false);
    }

    private WebhookMessage Message(IndexedJob job, string kind, long inWindow)
    {
        var settings = options.Value;
        var signature = job.Signature;
        var title = Redactor.Redact(signature.Title);
        var url = string.IsNullOrWhiteSpace(settings.PanelUrl) ? null : $"{settings.PanelUrl.TrimEnd('/')}/failures/{signature.Id}";
        var where = job.Host is null ? "" : $" on {job.Host}";
        var link = url is null ? "" : $" <{url}|Open>";
        var minutes = settings.WindowMinutes.ToString("0.##", CultureInfo.InvariantCulture);
        var text = kind == "new"
            ? $":new: New failure in training jobs: *{Escape(title)}* ({signature.Category}), first in job `{job.JobId}`{where}.{link}"
            : $":rotating_light: *{Escape(title)}* ({signature.Category}) killed {inWindow} jobs in the last {minutes} min; latest `{job.JobId}`{where}.{link}";
        return new WebhookMessage(text, kind, signature.Id, signature.Category, title, inWindow, job.JobId, job.Host, url);
    }

    private async Task PostAsync(WebhookMessage message, CancellationToken cancellationToken)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(Timeout);
            var client = clients.CreateClient(ClientName);
            using var response = await client.PostAsJsonAsync(options.Value.WebhookUrl, message, FleetJsonSerializer.Default.WebhookMessage, timeout.Token).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
            FleetMetrics.Notifications.WithLabels(message.Kind, "sent").Inc();
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            FleetMetrics.Notifications.WithLabels(message.Kind, "failed").Inc();
            logger.LogWarning("Webhook notification ({Kind}, {Signature}) failed: {Error}", message.Kind, message.Signature, ex.Message);
        }
    }

    /// <summary>Slack's three control characters in message text.</summary>
    private static string Escape(string text) => text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
}
