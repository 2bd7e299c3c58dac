using System.Globalization;

namespace ErrorTrace.Core.Rendering;

/// <summary>Human-readable byte counts (<c>12.3 MiB</c>) for reports; binary units because log sizes are compared with disk quotas.</summary>
public static class ByteSize
{
    private static readonly string[] s_units = ["B", "KiB", "MiB", "GiB", "TiB"];

    public static string Format(long bytes)
    {
        if (bytes < 1024) return bytes.ToString(CultureInfo.InvariantCulture) + " B";
        double value = bytes;
        var unit = 0;
        while (value >= 1024 && unit < s_units.Length - 1)
        {
            value /= 1024;
            unit++;
        }

        return value.ToString(value < 10 ? "0.0" : "0", CultureInfo.InvariantCulture) + " " + s_units[unit];
    }
}
