using ErrorTrace.Core.Analysis;
using ErrorTrace.Core.RunEnvironment;

namespace ErrorTrace.Core.Input;

/// <summary>How a log read in two ranges ended (<see cref="RangeSplit.Outcome"/>).</summary>
internal enum RangeSplitOutcome
{
    /// <summary>Not split yet.</summary>
    None,

    /// <summary>No line in the search window had every stream idle: read in one pass.</summary>
    NoSeam,

    /// <summary>The two readers disagreed about the state at the seam: the rest was read in one pass.</summary>
    SeamDiffers,

    /// <summary>The later range did something whose meaning depends on the earlier one's tables: read in one pass.</summary>
    MergeRefused,

    /// <summary>Read in two ranges at once and merged.</summary>
    Merged,
}

/// <summary>
/// Reads a big log on two cores with the report of one pass. The first thread reads the log from its start; the second
/// counts the newlines before a point a little ahead of the middle (at memory speed), starts its own reader
/// <see cref="WarmUpBytes"/> before that point to pick up every stream's context, and takes the first line start from
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

    /// <summary>The first range's share of the log: the second thread first counts the newlines of the whole first range
    /// (about five times faster than reading it), so its own range is smaller and both end together.</summary>
    public const double DefaultFirstRangeShare = 0.55;

    /// <summary>Read before the seam by the second reader to pick up each stream's clock, phase, logger and lookback:
    /// a stream that printed nothing in this much log keeps a state the second reader cannot see, and the seam check
    /// then sends the log to one pass.</summary>
    public const long DefaultWarmUpBytes = 1024 * 1024;

    /// <summary>How far past the nominal split a seam is looked for, line by line, before giving up on the split.</summary>
    public const long DefaultSeamSearchBytes = 4L * 1024 * 1024;

    public double FirstRangeShare { get; init; } = DefaultFirstRangeShare;

    public long WarmUpBytes { get; init; } = DefaultWarmUpBytes;

    public long SeamSearchBytes { get; init; } = DefaultSeamSearchBytes;

    public RangeSplitOutcome Outcome { get; private set; }

    /// <summary>Feeds <paramref name="bytes"/> to <paramref name="analyzer"/> (a new one); the caller completes it, as after
    /// any feed.</summary>
    public void Feed(LogAnalyzer analyzer, LogBytes bytes, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        var length = bytes.Length;
        var split = (long)(length * FirstRangeShare);
        var seamFound = new TaskCompletionSource<Seam?>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        long laterRead = 0;
        var second = Task.Factory.StartNew(() =>
        {
            try
            {
                return ReadLater(analyzer.Options, analyzer.TakesQuietLines, bytes, split, seamFound, read => Volatile.Write(ref laterRead, read), stop.Token);
            }
            finally
            {
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
            bytes.Visit(0, split, feed, cancellationToken);
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

    private LogAnalyzer? ReadLater(AnalysisOptions options, bool takesQuietLines, LogBytes bytes, long split,
        TaskCompletionSource<Seam?> seamFound, Action<long> reportRead, CancellationToken cancellationToken)
    {
        var length = bytes.Length;
        var searchEnd = Math.Min(length, split + SeamSearchBytes);
        var start = bytes.LineStartAtOrAfter(Math.Max(0, split - WarmUpBytes), searchEnd);
        var offset = start < 0 ? -1 : bytes.LineStartAtOrAfter(split, searchEnd);
        if (offset < 0) return null;
        var reader = new LogAnalyzer(options, bytes.CountNewlines(0, start) + 1, start) { TakesQuietLines = takesQuietLines };
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
}
