using ErrorTrace.Accuracy.Corpus;

namespace ErrorTrace.Accuracy.Learned;

/// <summary>One corpus case as the cross-validation sees it: its label, the rules' answer and the learned features.</summary>
/// <param name="RulesCategory">The rules' category, or <see cref="Scoring.Scorer.NoAnalysis"/>.</param>
/// <param name="RulesDefer">The rules answered where they are weakest (<c>LearnedDeferral.RulesDefer</c>), or not at all.</param>
/// <param name="Tokens">Features with the rule that fired and its category.</param>
/// <param name="TokensWithoutRules">The same without them: what the log alone says.</param>
internal sealed record LearnedCase(RealLogCase Case, string RulesCategory, bool RulesDefer, bool Clean,
    IReadOnlyList<string> Tokens, IReadOnlyList<string> TokensWithoutRules)
{
    public string Label => Case.Expected.Category;

    public string Batch => Case.Batch;
}
