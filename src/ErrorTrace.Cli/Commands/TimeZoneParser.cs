using System.Globalization;
using System.Text.RegularExpressions;

namespace ErrorTrace.Cli.Commands;

/// <summary>Reads <c>--timezone</c>: an IANA id (<c>Europe/Berlin</c>), <c>UTC</c>, <c>local</c>, or a fixed offset
/// (<c>+05:30</c>), because log hosts are often described by their offset rather than their zone.</summary>
internal static partial class TimeZoneParser
{
    public static bool TryParse(string text, out TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(text);
        zone = TimeZoneInfo.Utc;
        var value = text.Trim();
        if (value.Equals("utc", StringComparison.OrdinalIgnoreCase) || value == "Z") return true;
        if (value.Equals("local", StringComparison.OrdinalIgnoreCase))
        {
            zone = TimeZoneInfo.Local;
            return true;
        }

        var offset = OffsetPattern().Match(value);
        if (offset.Success)
        {
            var hours = int.Parse(offset.Groups["h"].Value, CultureInfo.InvariantCulture);
            var minutes = offset.Groups["m"].Success ? int.Parse(offset.Groups["m"].Value, CultureInfo.InvariantCulture) : 0;
            if (hours > 14 || minutes > 59) return false;
            var span = new TimeSpan(hours, minutes, 0);
            if (offset.Groups["sign"].Value == "-") span = -span;
            zone = TimeZoneInfo.CreateCustomTimeZone("UTC" + value, span, "UTC" + value, "UTC" + value);
            return true;
        }

        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(value);
            return true;
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"^(?:UTC|GMT)?(?<sign>[+-])(?<h>\d{1,2})(?::?(?<m>\d{2}))?$", RegexOptions.IgnoreCase)]
    private static partial Regex OffsetPattern();
}
