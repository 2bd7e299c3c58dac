namespace ErrorTrace.Core.Tests.RealLogs;

/// <summary>
/// Cases of newly harvested batches that the engine did not get right when the batch was scored, before any rule or
/// parser was written for it (the figures are in docs/accuracy/&lt;batch&gt;.md). They show as skipped, "pending", until
/// a fix for their failure mechanism makes them pass; a pending case that passes fails its test until its line here is
/// removed, so this table only shrinks by fixes. <c>scripts/accuracy/score.sh --pending-lines</c> prints the lines.
/// </summary>
internal static class RealLogPending
{
    private static readonly Dictionary<string, string> s_cases = new(StringComparer.Ordinal)
    {
    };

    public static string? Reason(string slug) => s_cases.TryGetValue(slug, out var reason) ? "pending: " + reason : null;
}
