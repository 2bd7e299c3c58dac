namespace ErrorTrace.Core.Tests.RealLogs;

/// <summary>
/// Real logs the engine does not yet label as the expert did, each with the reason. Reported as skipped, not hidden:
/// a fix removes the entry. All of them are damage done by pasting into an issue, not shapes a job writes.
/// </summary>
internal static class RealLogKnownLimitations
{
    private static readonly Dictionary<string, string> s_cases = new(StringComparer.Ordinal)
    {
        ["disc-3-nameerror-is-training"] = "Only a frame whose 'File \"' prefix and path head were cut off survived; it is not recognisable as a frame.",
        ["alpaca-207-nccl-remote-error-one-line"] = "The glog lines, the C++ abort header and its what() were pasted on one physical line (newlines turned into spaces); the abort parser reads lines, so only the category (from the NCCL wording) comes out.",
    };

    public static string? Reason(string slug) => s_cases.TryGetValue(slug, out var reason) ? "known limitation: " + reason : null;
}
