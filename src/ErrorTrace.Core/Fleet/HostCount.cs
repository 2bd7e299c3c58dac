namespace ErrorTrace.Core.Fleet;

public sealed record HostCount(string Host, long JobCount);
