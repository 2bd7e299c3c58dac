namespace ErrorTrace.Server.Demo;

/// <summary>One demo job: its row and the log written for it.</summary>
internal sealed record DemoJob(string Id, string Status, string? ErrorMessage, string Owner, DateTime CreatedAt, DateTime UpdatedAt, string Log);
