namespace ErrorTrace.Core.Fleet;

/// <summary>One failed job as the fleet view groups it: the job's identity and where and when it failed, and its signature.</summary>
public sealed record IndexedFailure(string JobId, string Status, DateTime? UpdatedAt, string? Owner, string? Host, FailureSignature Signature);
