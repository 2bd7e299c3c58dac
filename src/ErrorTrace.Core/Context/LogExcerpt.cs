using ErrorTrace.Core.Envelopes;

namespace ErrorTrace.Core.Context;

/// <summary>
/// Reads a range of physical lines back from a log for display: the lines before a failure (breadcrumbs) or around an
/// evidence line. Starts at the nearest <see cref="LineIndex"/> checkpoint (or the start of the stream) and counts
/// newlines from there, so the cost is the range plus at most the index's spacing, whatever the log's size. Each line
/// comes out as a terminal would last have shown it: Kubernetes' CRI envelope and ANSI escapes removed, a line a progress
/// bar redrew with <c>\r</c> reduced to its last frame, a launcher's rank/host prefix taken off and reported.
/// Never throws on content.
/// </summary>
public static class LogExcerpt
{
    /// <summary>Lines one read may return: enough for the context of any evidence line, small enough to answer fast.</summary>
    public const int MaxLines = 500;

    /// <summary>Characters kept of one line (a 50 MB progress-bar line is shown by its head).</summary>
    public const int MaxLineChars = 2000;

    /// <summary>Bytes kept of one physical line while reading: the last \r frame is looked for within them.</summary>
    private const int MaxLineBytes = 64 * 1024;

    private const int BufferBytes = 64 * 1024;

    /// <summary>Lines <paramref name="from"/> to <paramref name="to"/> (1-based, inclusive, at most <see cref="MaxLines"/>
    /// of them returned), only those of <paramref name="rank"/>/<paramref name="host"/> when given.</summary>
    public static IReadOnlyList<ExcerptLine> Read(Stream log, LineIndex? index, long from, long to, int? rank = null, string? host = null)
    {
        ArgumentNullException.ThrowIfNull(log);
        var result = new List<ExcerptLine>();
        if (from < 1 || to < from) return result;
        var start = index?.Before(from) ?? default;
        if (start.Offset > 0)
        {
            if (log.CanSeek) log.Seek(start.Offset, SeekOrigin.Begin);
            else Skip(log, start.Offset);
        }

        var line = start.NewlinesBefore + 1;
        var buffer = new byte[BufferBytes];
        var current = new byte[MaxLineBytes];
        var currentLength = 0;
        var currentCut = false;
        // Before the checkpoint's line is known to start, bytes belong to an earlier line: skip to the next newline.
        var skipping = start.Offset > 0;
        int read;
        while ((read = log.Read(buffer)) > 0)
        {
            var chunk = buffer.AsSpan(0, read);
            while (!chunk.IsEmpty)
            {
                var newline = chunk.IndexOf((byte)'\n');
                var piece = newline < 0 ? chunk : chunk[..newline];
                if (!skipping && line >= from)
                {
                    var take = Math.Min(piece.Length, current.Length - currentLength);
                    piece[..take].CopyTo(current.AsSpan(currentLength));
                    currentLength += take;
                    currentCut |= take < piece.Length;
                }

                if (newline < 0) break;
                chunk = chunk[(newline + 1)..];
                if (skipping)
                {
                    skipping = false;
                    line++;
                    continue;
                }

                if (line >= from && Describe(current.AsSpan(0, currentLength), line, currentCut) is { } excerpt && Wanted(excerpt, rank, host))
                {
                    result.Add(excerpt);
                    if (result.Count >= MaxLines) return result;
                }

                currentLength = 0;
                currentCut = false;
                if (++line > to) return result;
            }
        }

        // The last line may have no newline.
        if (!skipping && line >= from && line <= to && currentLength > 0 && Describe(current.AsSpan(0, currentLength), line, currentCut) is { } last && Wanted(last, rank, host))
            result.Add(last);
        return result;
    }

    private static bool Wanted(ExcerptLine line, int? rank, string? host) =>
        (rank is null || line.Rank == rank) && (host is null || string.Equals(line.Host, host, StringComparison.Ordinal));

    /// <summary>One physical line's bytes (without its \n) as displayed.</summary>
    internal static ExcerptLine Describe(ReadOnlySpan<byte> bytes, long number, bool cut)
    {
        if (!bytes.IsEmpty && bytes[^1] == (byte)'\r') bytes = bytes[..^1];
        if (CriEnvelope.TryParse(bytes, out var contentStart, out _)) bytes = bytes[contentStart..];
        var rank = -1;
        var first = bytes;
        var lastCr = bytes.LastIndexOf((byte)'\r');
        // The frame a terminal shows last: the last \r segment with something in it.
        while (lastCr >= 0 && bytes[(lastCr + 1)..].IndexOfAnyExcept((byte)' ', (byte)'\t') < 0) lastCr = bytes[..lastCr].LastIndexOf((byte)'\r');
        if (lastCr >= 0) bytes = bytes[(lastCr + 1)..];

        var clean = bytes.IndexOf(AnsiEscapes.Escape) >= 0 ? StripAnsi(bytes) : bytes;
        var firstClean = lastCr >= 0 && first.IndexOf(AnsiEscapes.Escape) >= 0 ? StripAnsi(first) : lastCr >= 0 ? first : clean;
        LauncherPrefix.Strip(firstClean, ref rank, out var hostBytes);
        var hostName = hostBytes.IsEmpty ? null : Text.Utf8.Decode(hostBytes);
        var prefixRank = -1;
        var content = LauncherPrefix.Strip(clean, ref prefixRank, out _);
        var text = Text.Utf8.Decode(content);
        if (text.Length > MaxLineChars)
        {
            text = text[..MaxLineChars];
            cut = true;
        }

        return new ExcerptLine { Line = number, Text = text, Rank = rank >= 0 ? rank : null, Host = hostName, Cut = cut };
    }

    private static byte[] StripAnsi(ReadOnlySpan<byte> bytes)
    {
        var copy = new byte[bytes.Length];
        return copy.AsSpan(0, AnsiEscapes.Strip(bytes, copy)).ToArray();
    }

    private static void Skip(Stream log, long bytes)
    {
        var buffer = new byte[BufferBytes];
        while (bytes > 0)
        {
            var read = log.Read(buffer, 0, (int)Math.Min(buffer.Length, bytes));
            if (read == 0) return;
            bytes -= read;
        }
    }
}
