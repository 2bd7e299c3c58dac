namespace ErrorTrace.Core.Fleet;

/// <summary>
/// What a failed job died of, in a form that other jobs dying the same way share: <see cref="Id"/> is the category and
/// a hash of the root failure's fingerprint (see <see cref="FailureSignatures"/>), e.g. <c>oom_training-3f9a0c…</c>.
/// </summary>
/// <param name="Id">URL-safe: the category, a dash, 16 hex digits.</param>
/// <param name="Category">The report's category (<c>analysis.error_type</c>), <c>unknown</c> without one.</param>
/// <param name="ExceptionType">The root exception's type as printed (a signal's name for a death), or "".</param>
/// <param name="Title">One short line for lists: the type and the shared part of the message, or what stands for them.</param>
public sealed record FailureSignature(string Id, string Category, string ExceptionType, string Title);
