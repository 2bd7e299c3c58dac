namespace ErrorTrace.Server.Fleet;

/// <summary>The aggregate tables a job counts in, in the order every transaction locks their rows (so two never wait
/// on each other in a cycle).</summary>
internal enum AggregateKind
{
    Total,
    Day,
    Host,
}
