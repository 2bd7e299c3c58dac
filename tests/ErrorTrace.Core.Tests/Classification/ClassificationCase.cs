using ErrorTrace.Core.Classification;

namespace ErrorTrace.Core.Tests.Classification;

/// <summary>One hand-built input and what the classifier must say about it.</summary>
/// <param name="RuleId">Null for the fallback.</param>
/// <param name="Phase">Null to leave the phase unchecked.</param>
internal sealed record ClassificationCase(
    string Name,
    ClassificationInput Input,
    string Category,
    string? RuleId,
    string Confidence,
    string? Phase = null)
{
    public override string ToString() => Name;
}
