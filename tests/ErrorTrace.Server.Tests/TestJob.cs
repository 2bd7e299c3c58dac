namespace ErrorTrace.Server.Tests;

/// <summary>A row of the test jobs table.</summary>
public sealed record TestJob(string Id, string Status, string? ErrorMessage, string Owner, DateTime CreatedAt, string? LogPath = null);
