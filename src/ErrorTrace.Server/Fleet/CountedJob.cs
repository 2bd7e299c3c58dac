namespace ErrorTrace.Server.Fleet;

/// <summary>What one indexed job adds to the aggregates (<see cref="FleetAggregates"/>): one to its signature's count in
/// every scope that sees it, on its UTC day, and on its host.</summary>
internal sealed record CountedJob(string Signature, string Category, string? Owner, string? Host, long FailedAt);
