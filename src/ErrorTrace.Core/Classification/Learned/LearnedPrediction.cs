namespace ErrorTrace.Core.Classification.Learned;

/// <summary>What the model says about one log.</summary>
/// <param name="Category">The most probable category.</param>
/// <param name="Probability">Its posterior probability (naive Bayes is overconfident: compare it with a threshold chosen
/// on held-out folds, not with intuition).</param>
/// <param name="RunnerUp">The second most probable category.</param>
/// <param name="Reasons">The tokens that weighed most for <paramref name="Category"/> against <paramref name="RunnerUp"/>,
/// strongest first, with their log-likelihood ratio.</param>
public sealed record LearnedPrediction(string Category, double Probability, string RunnerUp, IReadOnlyList<(string Token, double Weight)> Reasons);
