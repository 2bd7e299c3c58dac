using System.Text.RegularExpressions;

namespace ErrorTrace.Server.Logs;

/// <summary>What a job id may be: it names a file (<c>job_{id}.log</c>), so nothing that could be a path.</summary>
internal static partial class JobIdRule
{
    public const string Pattern = @"\A[A-Za-z0-9_-]{1,64}\z";

    public static bool IsValid(string? id) => id is not null && Valid().IsMatch(id);

    [GeneratedRegex(Pattern)]
    private static partial Regex Valid();
}
