using ErrorTrace.Core.Analysis;
using ErrorTrace.Core.RunEnvironment;

namespace ErrorTrace.Core.Input;

/// <summary>
/// Reads a big log on two cores with the report of one pass. The first thread reads the log from its start; the second
/// counts the newlines from the start (at memory speed) until a point where both should end together, sets the split
/// there (<see cref="SplitPoint"/>: the first thread stops at it), starts its own reader <see cref="WarmUpBytes"/> before
/// that point to pick up every stream's context, and takes the first line start from
/// there on where every stream is idle as the seam. At the seam it writes down its state (<see cref="SeamState"/>),
/// empties its tables and reads on to the end. When the first thread reaches the seam it compares its own state with the
/// one written down: equal states read the rest alike, so the second reader's tables are merged into the first's if
/// they can add up exactly (each table's <c>CanTakeLater</c>: nothing in the later range depends on what the earlier one
/// held). Otherwise the first thread simply reads on, which is the one pass. Exactness never rests on a guess: it is
/// either checked or the one pass is what runs.
/// </summary>
internal sealed class RangeSplit
{
    /// <summary>Below this a log takes a few tens of milliseconds on one core: the second thread, reader and mapping cost
    /// about as much as they save.</summary>
    public const long MinimumBytes = 32L * 1024 * 1024;

    /// <summary>Read before the seam by the second reader to pick up each stream's clock, phase, logger and lookback:
    /// a stream that printed nothing in this much log keeps a state the second reader cannot see, and the seam check
    /// then sends the log to one pass.</summary>
    public const long DefaultWarmUpBytes = 1024 * 1024;

    /// <summary>How far past the nominal split a seam is looked for, line by line, before giving up on the split.</summary>
    public const long DefaultSeamSearchBytes = 4L * 1024 * 1024;

    /// <summary>The first range's share of the log, fixed (tests place the split anywhere with it). Null, the default: the
    /// split is placed where both threads should end together, from how far the first has read by the time the second
    /// has counted the newlines before it (<see cref="CountToBalancedSplit"/>).</summary>
    public double? FirstRangeShare { get; init; }

    public long WarmUpBytes { get; init; } = DefaultWarmUpBytes;

    public long SeamSearchBytes { get; init; } = DefaultSeamSearchBytes;

    public RangeSplitOutcome Outcome { get; private set; }

    /// <summary>Where the first thread stopped to wait for the seam (-1: it read the whole log).</summary>
    public long SplitOffset { get; private set; } = -1;

    /// <summary>Feeds <paramref name="bytes"/> to <paramref name="analyzer"/> (a new one); the caller completes it, as after
    /// any feed.</summary>
    public void Feed(LogAnalyzer analyzer, LogBytes bytes, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        var length = bytes.Length;
        var point = new SplitPoint();
        if (FirstRangeShare is { } share) point.TrySet((long)(length * share));
        var seamFound = new TaskCompletionSource<Seam?>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        long laterRead = 0;
        var second = Task.Factory.StartNew(() =>
        {
            try
            {
                return ReadLater(analyzer.Options, analyzer.TakesQuietLines, bytes, point, seamFound, read => Volatile.Write(ref laterRead, read), stop.Token);
            }
            finally
            {
                point.GiveUp();
                seamFound.TrySetResult(null);
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

        try
        {
            long offset = 0;
            ByteVisitor feed = chunk =>
            {
                analyzer.Append(chunk);
                offset += chunk.Length;
                progress?.Report(offset + Volatile.Read(ref laterRead));
                return true;
            };
            // Up to the split, wherever the second thread sets it meanwhile.
            var split = -1L;
            bytes.Visit(0, length, chunk =>
            {
                var end = offset + chunk.Length;
                var to = point.Claim(end);
                if (to == end) return feed(chunk);
                if (to > offset) feed(chunk[..(int)(to - offset)]);
                split = to;
                return false;
            }, cancellationToken);
            SplitOffset = split;
            if (split < 0)
            {
                Outcome = RangeSplitOutcome.NoSplit;
                return;
            }

            var seam = seamFound.Task.GetAwaiter().GetResult();
            if (seam is null)
            {
                Outcome = RangeSplitOutcome.NoSeam;
                bytes.Visit(split, length, feed, cancellationToken);
                return;
            }

            bytes.Visit(split, seam.Offset, feed, cancellationToken);
            if (!analyzer.IsAtIdleSeam || !analyzer.Seam().AsSpan().SequenceEqual(seam.State))
            {
                Outcome = RangeSplitOutcome.SeamDiffers;
                stop.Cancel();
                bytes.Visit(seam.Offset, length, feed, cancellationToken);
                return;
            }

            var later = Later(second);
            if (later is null || !analyzer.CanAbsorb(later))
            {
                Outcome = RangeSplitOutcome.MergeRefused;
                bytes.Visit(seam.Offset, length, feed, cancellationToken);
                return;
            }

            // The environment reads the log's head, the tail its last bytes: what the later reader did not cover of them.
            bytes.Visit(seam.Offset, Math.Min(length, EnvironmentLimits.ScanBytes), chunk =>
            {
                analyzer.ScanEnvironmentOnly(chunk);
                return true;
            }, cancellationToken);
            var takeTail = length - seam.ReaderStart >= LogTail.Capacity;
            if (!takeTail)
            {
                bytes.Visit(seam.Offset, length, chunk =>
                {
                    analyzer.KeepTailOnly(chunk);
                    return true;
                }, cancellationToken);
            }

            analyzer.Absorb(later, takeTail);
            Outcome = RangeSplitOutcome.Merged;
            progress?.Report(length);
        }
        finally
        {
            stop.Cancel();
            Later(second);
        }
    }

    /// <summary>The second thread's reader once it is done, or null when it was stopped or failed (the first thread then
    /// reads on by itself, so a failure here can only cost time).</summary>
    private static LogAnalyzer? Later(Task<LogAnalyzer?> second)
    {
        try
        {
            return second.GetAwaiter().GetResult();
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    private sealed record Seam(long Offset, long ReaderStart, byte[] State);

    private LogAnalyzer? ReadLater(AnalysisOptions options, bool takesQuietLines, LogBytes bytes, SplitPoint point,
        TaskCompletionSource<Seam?> seamFound, Action<long> reportRead, CancellationToken cancellationToken)
    {
        var length = bytes.Length;
        long split, counted = 0, countedTo = 0;
        if (FirstRangeShare is { } share)
        {
            split = (long)(length * share);
        }
        else
        {
            (countedTo, counted) = CountToBalancedSplit(bytes, point, cancellationToken);
            split = countedTo + WarmUpBytes;
            if (split >= length || !point.TrySet(split)) return null;
        }

        var searchEnd = Math.Min(length, split + SeamSearchBytes);
        var start = bytes.LineStartAtOrAfter(Math.Max(0, split - WarmUpBytes), searchEnd);
        var offset = start < 0 ? -1 : bytes.LineStartAtOrAfter(split, searchEnd);
        if (offset < 0) return null;
        var firstLine = counted + bytes.CountNewlines(countedTo, start) + 1;
        var reader = new LogAnalyzer(options, firstLine, start) { TakesQuietLines = takesQuietLines };
        bytes.Visit(start, offset, chunk =>
        {
            reader.Append(chunk);
            return true;
        }, cancellationToken);
        // Line by line until every stream is idle.
        while (!reader.IsAtIdleSeam)
        {
            var next = bytes.LineStartAtOrAfter(offset + 1, searchEnd);
            if (next < 0) return null;
            bytes.Visit(offset, next, chunk =>
            {
                reader.Append(chunk);
                return true;
            }, cancellationToken);
            offset = next;
        }

        if (offset >= length) return null;
        seamFound.SetResult(new Seam(offset, start, reader.Seam()));
        reader.BeginRange();
        long read = 0;
        bytes.Visit(offset, length, chunk =>
        {
            reader.Append(chunk);
            read += chunk.Length;
            reportRead(read);
            return !cancellationToken.IsCancellationRequested;
        }, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        // Not completed: the merged reader ends the log (its last line and open blocks), as one pass does.
        return reader;
    }

    /// <summary>
    /// Counts the log's newlines from its start, piece by piece, until the place where both threads should end together:
    /// the first has to read from where it is (<see cref="SplitPoint.Claimed"/>, y) to the split, the second its warm-up
    /// and everything after, so the split goes where <c>split − y = length − (split − warm-up)</c>. Both read at the same
    /// speed and counting is several times faster, so the place moves ahead as the first reads and is met once. Measured
    /// progress rather than a fixed share: the first thread also starts the process and ends with the merge and the
    /// report, and either may lose its core to another process meanwhile. Returns where counting stopped and the
    /// newlines before it.
    /// </summary>
    private (long Offset, long Newlines) CountToBalancedSplit(LogBytes bytes, SplitPoint point, CancellationToken cancellationToken)
    {
        var length = bytes.Length;
        long offset = 0, newlines = 0;
        bytes.Scan(0, length, chunk =>
        {
            newlines += chunk.Count((byte)'\n');
            offset += chunk.Length;
            return 2 * offset + WarmUpBytes < length + point.Claimed && !cancellationToken.IsCancellationRequested;
        }, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        return (offset, newlines);
    }
}
