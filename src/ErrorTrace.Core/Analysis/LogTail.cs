using System.Runtime.CompilerServices;
using ErrorTrace.Core.Classification;
using ErrorTrace.Core.Envelopes;
using ErrorTrace.Core.Text;

namespace ErrorTrace.Core.Analysis;

/// <summary>
/// The log's last bytes, kept so the classifier can read the lines printed near the death (ClassificationInput.Context):
/// the progress bar or banner before a traceback (evaluation or training), memory figures, a <c>loss=nan</c> bar, a
/// bare <c>Killed</c>. One copy of at most <see cref="Capacity"/> bytes per appended chunk, nothing per line: with the
/// 256 KiB chunks of a file that is an eighth of the bytes, moved by memcpy; the lines are cut and decoded only when a
/// report is made.
/// </summary>
internal sealed class LogTail
{
    /// <summary>About 200 lines of a typical log: a traceback at the end and what was printed before it.</summary>
    public const int Capacity = 32 * 1024;

    /// <summary>The lines handed to the classifier: enough for a long traceback and the bars before it, few enough that
    /// rules on them stay "near the death".</summary>
    public const int MaxLines = 200;

    private readonly byte[] _ring = new byte[Capacity];

    /// <summary>Where the next byte goes; once <see cref="_full"/>, also where the oldest kept byte is.</summary>
    private int _next;
    private bool _full;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Append(ReadOnlySpan<byte> chunk)
    {
        if (chunk.Length >= Capacity)
        {
            chunk[^Capacity..].CopyTo(_ring);
            _next = 0;
            _full = true;
            return;
        }

        var first = Math.Min(chunk.Length, Capacity - _next);
        chunk[..first].CopyTo(_ring.AsSpan(_next));
        chunk[first..].CopyTo(_ring);
        if (_next + chunk.Length >= Capacity) _full = true;
        _next = (_next + chunk.Length) % Capacity;
    }

    /// <summary>The kept lines, oldest first, numbered so that the last one, terminated or not, is
    /// <paramref name="lastLineNumber"/> (the log's physical line count); envelopes (Kubernetes CRI, ANSI colours, rank
    /// prefixes) removed, blank lines dropped, a line redrawn with <c>\r</c> read as its final state.</summary>
    public IReadOnlyList<ContextLine> Lines(long lastLineNumber)
    {
        byte[] bytes;
        if (!_full) bytes = _ring.AsSpan(0, _next).ToArray();
        else
        {
            bytes = new byte[Capacity];
            _ring.AsSpan(_next).CopyTo(bytes);
            _ring.AsSpan(0, _next).CopyTo(bytes.AsSpan(Capacity - _next));
        }

        var lines = new List<ContextLine>();
        var scratch = new byte[Capacity];
        var lineNumber = lastLineNumber;
        var end = bytes.Length;
        if (end > 0 && bytes[end - 1] == (byte)'\n') end--;
        while (end >= 0 && lines.Count < MaxLines)
        {
            var newline = end == 0 ? -1 : bytes.AsSpan(0, end).LastIndexOf((byte)'\n');
            // The oldest piece of a full ring is the tail of a line cut off: not a line.
            if (newline < 0 && _full) break;
            var text = Clean(bytes.AsSpan(newline + 1, end - newline - 1), scratch);
            if (text.Length > 0) lines.Add(new ContextLine(lineNumber, text));
            lineNumber--;
            if (newline < 0) break;
            end = newline;
        }

        lines.Reverse();
        return lines;
    }

    private static string Clean(ReadOnlySpan<byte> line, byte[] scratch)
    {
        if (CriEnvelope.TryParse(line, out var contentStart, out _)) line = line[contentStart..];
        line = line.TrimEnd((byte)'\r');
        var redraw = line.LastIndexOf((byte)'\r');
        if (redraw >= 0 && redraw < line.Length - 1) line = line[(redraw + 1)..];
        if (line.IndexOf(AnsiEscapes.Escape) >= 0) line = scratch.AsSpan(0, AnsiEscapes.Strip(line, scratch));
        var rank = -1;
        line = RayRepeatSuffix.Strip(LauncherPrefix.Strip(line, ref rank, out _));
        return line.IndexOfAnyExcept((byte)' ', (byte)'\t') < 0 ? "" : Utf8.Decode(line).TrimEnd();
    }
}
