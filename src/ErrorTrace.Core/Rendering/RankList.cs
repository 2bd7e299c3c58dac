using System.Globalization;
using System.Text;

namespace ErrorTrace.Core.Rendering;

/// <summary>Formats a set of ranks compactly (<c>0-7, 12</c>): a 64-GPU job would otherwise print a line of numbers.</summary>
public static class RankList
{
    public static string Format(IReadOnlyList<int> ranks)
    {
        ArgumentNullException.ThrowIfNull(ranks);
        if (ranks.Count == 0) return "";
        var sorted = ranks.Distinct().Order().ToArray();
        var text = new StringBuilder();
        var start = 0;
        for (var i = 1; i <= sorted.Length; i++)
        {
            if (i < sorted.Length && sorted[i] == sorted[i - 1] + 1) continue;
            if (text.Length > 0) text.Append(", ");
            text.Append(sorted[start].ToString(CultureInfo.InvariantCulture));
            if (i - 1 > start)
            {
                text.Append(i - 1 == start + 1 ? ", " : "-");
                text.Append(sorted[i - 1].ToString(CultureInfo.InvariantCulture));
            }

            start = i;
        }

        return text.ToString();
    }
}
