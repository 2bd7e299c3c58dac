namespace ErrorTrace.Core.Tests.Golden;

/// <summary>
/// Golden cases the engine does not yet read as CPython printed them, each with the reason. They are reported as
/// skipped, not hidden: the list is the engine's honest to-do, and a fix removes the entry.
/// </summary>
internal static class GoldenKnownLimitations
{
    private static readonly (string Prefix, string Reason)[] s_cases =
    [
    ];

    public static string? Reason(string caseName)
    {
        foreach (var (prefix, reason) in s_cases)
        {
            if (caseName.StartsWith(prefix, StringComparison.Ordinal)) return "known limitation: " + reason;
        }

        return null;
    }
}
