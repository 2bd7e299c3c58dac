namespace ErrorTrace.Core.Fleet;

/// <summary>A host on which jobs died of many different failures: more likely the machine (a bad GPU, driver, disk or
/// network link) than the jobs. See <see cref="FleetGrouping.SuspectMinSignatures"/>.</summary>
public sealed record SuspectHost(string Host, long SignatureCount, long JobCount);
