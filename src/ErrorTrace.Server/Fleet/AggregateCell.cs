namespace ErrorTrace.Server.Fleet;

/// <summary>One row of an aggregate table: a scope (every job, or one owner's), a signature, and for
/// <see cref="AggregateKind.Day"/> a day, for <see cref="AggregateKind.Host"/> a host. Ordered as rows are locked.</summary>
internal readonly record struct AggregateCell(AggregateKind Kind, string? Owner, string Signature, long Day, string Host) : IComparable<AggregateCell>
{
    public string Scope => FleetAggregates.Scope(Owner);

    public int CompareTo(AggregateCell other)
    {
        var order = Kind.CompareTo(other.Kind);
        if (order == 0) order = string.CompareOrdinal(Scope, other.Scope);
        if (order == 0) order = string.CompareOrdinal(Signature, other.Signature);
        if (order == 0) order = Day.CompareTo(other.Day);
        if (order == 0) order = string.CompareOrdinal(Host, other.Host);
        return order;
    }
}
