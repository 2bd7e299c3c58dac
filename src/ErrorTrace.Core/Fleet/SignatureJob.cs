namespace ErrorTrace.Core.Fleet;

/// <summary>A job of a signature. <see cref="Host"/> is additive to the API's documented shape.</summary>
public sealed record SignatureJob(string JobId, string Status, DateTime? UpdatedAt, string? Host = null);
