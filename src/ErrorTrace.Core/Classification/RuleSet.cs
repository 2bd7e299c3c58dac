namespace ErrorTrace.Core.Classification;

/// <summary>An ordered list of classification rules (placeholder until the classifier lands).</summary>
public sealed class RuleSet
{
    public static RuleSet Default { get; } = new();
}
