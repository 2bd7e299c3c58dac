namespace ErrorTrace.Core.Tests.Golden;

/// <summary>The first field where the engine's report and the expectation disagree.</summary>
public sealed record GoldenDifference(string Field, string Expected, string Actual)
{
    public override string ToString() => $"{Field}: expected {Expected} but was {Actual}";
}
