using System.Text.Json;

namespace ErrorTrace.Core.Tests.Golden;

/// <summary>Renders values for failure messages: JSON-quoted so newlines, trailing spaces and escapes show.</summary>
public static class GoldenText
{
    private const int MaxChars = 300;

    public static string Quote(string? value)
    {
        if (value is null) return "null";
        var quoted = JsonSerializer.Serialize(value);
        return quoted.Length <= MaxChars ? quoted : quoted[..MaxChars] + $"…({value.Length} chars)";
    }

    public static string Of(int? value) => value?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "null";

    public static string Of(IEnumerable<int> values) => "[" + string.Join(", ", values) + "]";
}
