namespace ErrorTrace.Core.Fleet;

/// <summary>Jobs of a signature that failed on one UTC day (<c>yyyy-MM-dd</c>).</summary>
public sealed record DayCount(string Day, long JobCount);
