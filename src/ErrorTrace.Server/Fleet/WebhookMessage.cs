namespace ErrorTrace.Server.Fleet;

/// <summary>The webhook's body: Slack's (and Mattermost's, Teams' workflow's) <c>text</c>, plus the facts as fields for
/// receivers that route on them.</summary>
internal sealed record WebhookMessage(string Text, string Kind, string Signature, string Category, string Title, long JobCount, string JobId, string? Host, string? Url);
