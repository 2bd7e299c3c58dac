using ErrorTrace.Core.Analysis;

namespace ErrorTrace.Core.Tracebacks;

/// <summary>
/// A frame line a terminal wrapped at its width, copied with the wrap as a newline (a paste from tmux or screen, a
/// console capture): <c>  File "/home/u/envs/x/lib/python3.10/site-packages/transformers/models/llama/modeling_lla</c>
/// then <c>ma.py", line 123, in forward</c>. The pieces are joined back until the line parses. The first piece reaches
/// the terminal's edge, so it is long; a short line that fails to parse is damage, not a wrap. SyntaxError's location
/// (<c>File "x.py", line 12</c>) parses on its own, and is a cut frame line only when the next piece ends it
/// (<c>3, in forward</c>).
/// </summary>
internal sealed class WrappedFrame
{
    private string _text;
    private int _pieces = 1;

    private WrappedFrame(string text, bool added)
    {
        _text = text;
        Added = added;
    }

    public enum Outcome
    {
        /// <summary>The line is not the frame's next piece: read it on its own.</summary>
        NotAWrap,

        /// <summary>The line was taken; the frame line goes on.</summary>
        Unfinished,

        /// <summary>The pieces make a whole frame line.</summary>
        Frame,
    }

    /// <summary>The first piece was already read as a frame (a location with no function): the joined frame replaces it.</summary>
    public bool Added { get; }

    /// <summary>A piece that may start a wrapped frame line, or null. <paramref name="added"/>: it parsed as a location.</summary>
    public static WrappedFrame? Start(ReadOnlySpan<char> trimmed, int indent, bool added)
    {
        if (indent + trimmed.Length < EngineLimits.MinWrappedFrameColumns) return null;
        if (!added && !CouldContinue(trimmed)) return null;
        return new WrappedFrame(trimmed.ToString(), added);
    }

    public Outcome Join(ReadOnlySpan<char> line, out ParsedFrame frame)
    {
        var joined = string.Concat(_text.AsSpan(), line);
        if (FrameLine.TryParse(joined, out frame) && frame.Style == FrameStyle.Traceback) return Outcome.Frame;
        if (Added || ++_pieces > EngineLimits.MaxWrappedFramePieces || line.Length < EngineLimits.MinWrappedFrameColumns || !CouldContinue(joined))
            return Outcome.NotAWrap;
        _text = joined;
        return Outcome.Unfinished;
    }

    /// <summary>The text stops inside a frame line: inside the path, inside <c>", line N</c>, or inside <c>, in </c>.</summary>
    private static bool CouldContinue(ReadOnlySpan<char> text)
    {
        var at = text.IndexOf("\", line ", StringComparison.Ordinal);
        if (at < 0) return true;
        var rest = text[(at + 8)..];
        var digits = 0;
        while (digits < rest.Length && char.IsAsciiDigit(rest[digits])) digits++;
        return ", in ".AsSpan().StartsWith(rest[digits..], StringComparison.Ordinal);
    }
}
