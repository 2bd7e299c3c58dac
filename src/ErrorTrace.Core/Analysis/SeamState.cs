namespace ErrorTrace.Core.Analysis;

/// <summary>
/// What decides how the lines after a line boundary are read, written out so that two readers' states can be compared
/// byte for byte: the reader of the whole log up to the boundary, and the reader of a later range that started a little
/// before it to pick up the same context (<see cref="Input.RangeSplit"/>). Equal states read the lines after the boundary
/// alike; anything that is not written here either cannot matter once every stream is idle (a parser's state between
/// blocks, the quiet-run spacing, the memo caches), or is held by the tables' own checks when the ranges are merged.
/// </summary>
internal static class SeamState
{
    /// <summary>Every stream is between blocks and messages: nothing read before the boundary is still being added to.</summary>
    public static bool AllIdle(StreamTable streams)
    {
        foreach (var stream in streams.All)
        {
            if (!stream.IsIdle || stream.Python.Held.Count > 0 || EndsInPanelLine(stream.CurrentBlock)
                || Tracebacks.IPythonTracebackParser.MayOpenAtArrowFrom(stream.CurrentBlock)) return false;
        }

        return true;
    }

    /// <summary>A rich panel's line just read: an exception line after its bottom border opens the panel from the lookback
    /// (<see cref="Tracebacks.RichTracebackParser.TryOpenAfterPanel"/>), which holds only part of the panel in a reader
    /// whose warm-up started inside it. Not a place to start a range.</summary>
    private static bool EndsInPanelLine(LookbackBlock lookback) =>
        lookback.Count > 0 && Tracebacks.RichTracebackParser.IsPanelLine(lookback.Line(lookback.Count - 1).AsSpan().Trim());

    /// <summary>The state at the start of line <paramref name="lineNumber"/> (the analyzer's own fields are passed in).</summary>
    public static byte[] Write(long lineNumber, int lastYear, int lastMonth, long deathLine, bool criPending, int criJoinLength, StreamTable streams)
    {
        using var bytes = new MemoryStream();
        using var writer = new BinaryWriter(bytes);
        writer.Write(lineNumber);
        writer.Write(lastYear);
        writer.Write(lastMonth);
        writer.Write(deathLine);
        writer.Write(criPending);
        writer.Write(criJoinLength);
        writer.Write(streams.Hosts.Count);
        foreach (var host in streams.Hosts)
        {
            writer.Write(host.Length);
            writer.Write(host);
        }

        // By key: the order streams first appeared in depends on where a reader started (the merge puts them back in
        // the earlier reader's order).
        foreach (var (key, stream) in streams.Entries.OrderBy(entry => entry.Key))
        {
            writer.Write(key);
            Write(writer, stream);
        }

        writer.Flush();
        return bytes.ToArray();
    }

    private static void Write(BinaryWriter writer, StreamState stream)
    {
        writer.Write(stream.Rank);
        writer.Write(stream.Host ?? "\0");
        writer.Write(stream.IsIdle);
        writer.Write(stream.Python.Held.Count);
        writer.Write(stream.RankPrefixHasNoSpace);
        var clock = stream.LastTimestamp;
        writer.Write(clock.Year);
        writer.Write(clock.Month);
        writer.Write(clock.Day);
        writer.Write(clock.Hour);
        writer.Write(clock.Minute);
        writer.Write(clock.Second);
        writer.Write(clock.FractionTicks);
        writer.Write(clock.IsUtc);
        writer.Write(stream.Phase.Length);
        writer.Write(stream.Phase);
        writer.Write(stream.Logger.Length);
        writer.Write(stream.Logger);
        // The lookback is read in two places. A Python block that opens asks whether the current block's last line,
        // if after the last opened block, is an unraisable banner: its last line and that comparison are written (every
        // later line is after any block opened before the seam). A chain sentence outside a traceback searches the
        // previous block whole: the later reader notes any such search and the merge is then refused
        // (FailureTable.NoteLookbackRead), so the blocks' other lines, which depend on when each reader last cleared
        // them, need not be equal.
        stream.CurrentBlock.WriteLastTo(writer);
        writer.Write(stream.CurrentBlock.Count > 0 && stream.CurrentBlock.LineNumber(stream.CurrentBlock.Count - 1) > stream.LastOpenLine);
    }
}
