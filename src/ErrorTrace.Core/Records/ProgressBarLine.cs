namespace ErrorTrace.Core.Records;

/// <summary>
/// tqdm's default layout, <c>{desc}: {percentage:3.0f}%|{bar}| {n}/{total} [{elapsed}&lt;{remaining}, {rate}]</c>
/// (https://github.com/tqdm/tqdm, <c>format_meter</c>): a digit, <c>%|</c>, then a closing <c>|</c>. A bar redrawn on
/// the line after a warning is the trainer's progress, not more of the warning's message.
/// </summary>
internal static class ProgressBarLine
{
    public static bool Matches(ReadOnlySpan<char> line)
    {
        var percent = line.IndexOf("%|", StringComparison.Ordinal);
        return percent > 0 && char.IsAsciiDigit(line[percent - 1]) && line[(percent + 2)..].Contains('|');
    }
}
