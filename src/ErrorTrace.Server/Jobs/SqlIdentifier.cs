using System.Text.RegularExpressions;

namespace ErrorTrace.Server.Jobs;

/// <summary>Table and column names come from configuration, not from requests, but they are still spliced into SQL:
/// only plain identifiers (optionally schema-qualified) are accepted, and each part is double-quoted, which both SQLite
/// and PostgreSQL read as an identifier.</summary>
internal static partial class SqlIdentifier
{
    public static bool IsPlain(string? name) => name is not null && Plain().IsMatch(name);

    public static string Quote(string name)
    {
        if (!IsPlain(name))
            throw new InvalidOperationException($"'{name}' is not a plain SQL identifier (letters, digits, '_', optionally 'schema.table').");
        return string.Join('.', name.Split('.').Select(part => $"\"{part}\""));
    }

    [GeneratedRegex(@"\A[A-Za-z_][A-Za-z0-9_]{0,62}(\.[A-Za-z_][A-Za-z0-9_]{0,62})?\z")]
    private static partial Regex Plain();
}
