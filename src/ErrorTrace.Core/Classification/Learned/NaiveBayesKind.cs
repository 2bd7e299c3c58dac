namespace ErrorTrace.Core.Classification.Learned;

/// <summary>How <see cref="NaiveBayesCounts.ToModel"/> turns the counts into weights.</summary>
public enum NaiveBayesKind
{
    /// <summary>Multinomial: a category scores by how likely its own logs make the tokens, plus its prior.</summary>
    Multinomial,

    /// <summary>Complement (Rennie et al., 2003): a category scores by how <em>unlikely</em> the tokens are in the logs of
    /// every other category, with equal priors. Each weight is estimated from twelve categories' logs instead of one, so
    /// a small category's few logs do not make its weights extreme; in cross-validation grouped by project it was right
    /// more often and wrong less often than the multinomial (docs/accuracy-learned.md, 2026-12-05).</summary>
    Complement,
}
