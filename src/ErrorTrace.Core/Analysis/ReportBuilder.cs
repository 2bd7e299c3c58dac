using ErrorTrace.Core.Classification;
using ErrorTrace.Core.Grouping;
using ErrorTrace.Core.Records;
using ErrorTrace.Core.Redaction;
using ErrorTrace.Core.Reports;

namespace ErrorTrace.Core.Analysis;

/// <summary>Turns the analyzer's tables into the report: entries, distinct failures, the root cause and the analysis.
/// Reads state, never changes it, so a report can be made mid-stream.</summary>
internal sealed class ReportBuilder(LogAnalyzer analyzer, ReportContext context)
{
    /// <summary>A one-line summary fits a table cell or a notification.</summary>
    private const int MaxSummaryChars = 300;

    public ErrorReport Build()
    {
        var failures = Failures();
        InAppMarker.MarkAll(failures, analyzer.Options.Rules.Frames);
        // A log of several runs: the cause is the last failed run's first failure, the earlier runs' failures history.
        var root = RootCause(RunSplit.RootCandidates(failures, analyzer.Runs));
        var errors = Entries(failures);
        var notes = new List<string>();
        if (analyzer.TruncatedLines > 0)
            notes.Add($"{analyzer.TruncatedLines} line(s) longer than {EngineLimits.MaxLineBytes / 1024} KiB were cut; only their start was read.");
        if (analyzer.Errors.Dropped > 0)
            notes.Add($"{analyzer.Errors.Dropped} occurrence(s) of further distinct errors were not grouped (more than {EngineLimits.MaxErrorGroups} distinct).");
        notes.AddRange(analyzer.InputNotes);
        if (!analyzer.IsComplete) notes.Add("The log was still being read; open blocks are shown as read so far.");

        // The classifier weighs the root's run only: an earlier run's OOM kill says nothing of why the last run died.
        var input = new ClassificationInput(root, RunSplit.SameRun(failures, root, analyzer.Runs, f => f.FirstLine), RunSplit.SameRun(errors, root, analyzer.Runs, e => e.FirstLine), context.ErrorSummary)
        {
            Context = analyzer.TailLines(),
        };
        var classifier = analyzer.Options.Classifier ?? FailureClassifiers.Default(analyzer.Options.Rules);
        var analysis = classifier.Classify(input);
        var cutYields = root is not null && CutTracebacks.IsCut(root) && analysis is not null && CutTracebacks.YieldsToFatalLine(root, analysis, analyzer.Options.Rules);
        if (cutYields) root = null;
        // No traceback or death, but a line that means the process died (an NCCL watchdog's timeout): still failed.
        var diedOnALine = failures.Count == 0 && analyzer.Options.Rules.IsFatal(analysis?.RuleId);
        var status = context.Status ?? (failures.Count > 0 || diedOnALine ? "failed" : "completed");
        // A C++ stack without its type says where, not what: the analysis' evidence line says what, when there is one.
        var typeless = root is { Kind: "cpp", ExceptionType.Length: 0 } && analysis is not null ? Summary(analysis) : null;
        var summary = context.ErrorSummary ?? typeless ?? Summary(root) ?? (diedOnALine || cutYields ? Summary(analysis!) : null);
        var environment = RunEnvironment.EnvironmentBuilder.Build(analyzer, failures, errors);
        var hang = HangLocator.Locate(Collectives(failures), RanksSeen(failures, errors), environment);
        // A hang's culprit is the rank that never joined the collective, not the first rank whose watchdog fired; unless
        // a real failure (an exception, a death) came first, which is the root and names its own rank.
        if (analysis is not null && hang is { SuspectRank: { } suspect, Reason: { } reason } && (root is null || root.Secondary))
            analysis = analysis with { RootRank = suspect, Evidence = [.. analysis.Evidence, new EvidenceLine(Evidence.NotInLog, reason)] };
        return new ErrorReport
        {
            JobId = context.JobId,
            Status = status,
            ErrorSummary = summary,
            Errors = errors,
            Traceback = root,
            Tracebacks = failures,
            Analysis = analysis,
            Log = new LogInfo
            {
                Path = context.LogPath,
                SizeBytes = context.LogSizeBytes ?? analyzer.BytesConsumed,
                Lines = analyzer.Lines,
                TruncatedLines = analyzer.TruncatedLines,
            },
            Notes = notes,
            Environment = environment,
            Hang = hang,
            Runs = RunSplit.Describe(failures, analyzer.Runs, analyzer.Lines, root, RootCause, Headline),
        };
    }

    /// <summary>What the watchdogs said per rank: the analyzer's error records, then exception messages that carry the same
    /// words (a <c>RuntimeError: [Rank 1] Watchdog caught collective operation timeout: …</c> re-raised in the main thread).</summary>
    private IEnumerable<RankCollective> Collectives(List<TracebackInfo> failures)
    {
        var fromRecords = analyzer.Collectives.Ranks;
        var fromExceptions = new CollectiveTimeouts();
        foreach (var failure in failures) fromExceptions.Observe(failure.ExceptionMessage, failure.Rank ?? -1, failure.ExceptionLine);
        return fromRecords.Concat(fromExceptions.Ranks.Where(e => !fromRecords.Any(r => r.Rank == e.Rank)));
    }

    /// <summary>Ranks the log shows to exist: rank-prefixed streams, and the ranks of failures and error groups.</summary>
    private List<int> RanksSeen(List<TracebackInfo> failures, List<ErrorEntry> errors)
    {
        var ranks = new List<int>();
        foreach (var stream in analyzer.Streams) ranks.Add(stream.Rank);
        foreach (var failure in failures) ranks.AddRange(failure.Ranks);
        foreach (var error in errors) ranks.AddRange(error.Ranks);
        return ranks;
    }

    private List<TracebackInfo> Failures()
    {
        var result = new List<TracebackInfo>();
        foreach (var group in analyzer.Failures.Groups) result.Add(Describe(group));
        if (!analyzer.IsComplete) AddOpenBlocks(result);

        // In print order: streams finish their printouts in any order (a rank's traceback stays open until that rank's
        // next line, or the end of the log), so the order they were recorded in is not the order they were printed in.
        result.Sort((a, b) => a.FirstLine.CompareTo(b.FirstLine));
        return result;
    }

    private void AddOpenBlocks(List<TracebackInfo> result)
    {
        // Blocks still being printed, the most printed first, so a copy half-way through folds into a fuller one.
        var open = new List<(StreamState Stream, TracebackInfo Block)>();
        foreach (var stream in analyzer.Streams)
        {
            if (stream.Active?.Peek() is { } block) open.Add((stream, block));
        }

        open.Sort((a, b) => b.Block.Frames.Count.CompareTo(a.Block.Frames.Count));
        foreach (var (stream, block) in open)
        {
            // A block that so far reads like a failure already listed (another rank's copy) is counted in it, not
            // listed on its own: once complete it joins that group, and a live report must not lose an entry between
            // two polls.
            var same = result.FindIndex(seen => IsPrefixOf(block, seen));
            if (same >= 0)
            {
                var seen = result[same];
                result[same] = seen with
                {
                    Count = seen.Count + 1,
                    Ranks = stream.Rank >= 0 && !seen.Ranks.Contains(stream.Rank) ? [.. seen.Ranks, stream.Rank] : seen.Ranks,
                };
                continue;
            }

            result.Add(block with
            {
                Original = Original(block),
                Rank = stream.Rank >= 0 ? stream.Rank : null,
                Ranks = stream.Rank >= 0 ? [stream.Rank] : [],
                Timestamp = analyzer.ToUtc(stream.ActiveTimestamp),
                Phase = stream.ActivePhase,
                Logger = stream.ActiveLogger,
                Host = stream.Host,
                Secondary = CascadeRules.Match(block) is not null,
            });
        }
    }

    /// <summary>True when <paramref name="open"/>, printed so far, is the start of <paramref name="seen"/>: same kind, its
    /// frames a prefix of the other's, and its exception (when printed yet) the same type.</summary>
    private static bool IsPrefixOf(TracebackInfo open, TracebackInfo seen)
    {
        if (open.Kind != seen.Kind || open.Frames.Count > seen.Frames.Count) return false;
        if (open.ExceptionType.Length > 0 && open.ExceptionType != seen.ExceptionType) return false;
        for (var i = 0; i < open.Frames.Count; i++)
        {
            var (a, b) = (open.Frames[i], seen.Frames[i]);
            if (a.Line != b.Line || a.File != b.File || a.Function != b.Function) return false;
        }

        return true;
    }

    private TracebackInfo Describe(FailureGroup group) => group.First with
    {
        Original = Original(group.First),
        Count = group.Count,
        Rank = group.FirstRank >= 0 ? group.FirstRank : null,
        Ranks = group.Ranks.ToArray(),
        Timestamp = analyzer.ToUtc(group.Timestamp),
        Phase = group.Phase,
        Logger = group.Logger,
        Secondary = CascadeRules.Match(group.First) is not null,
    };

    /// <summary>The worker exception a Python exception's message quotes (DataLoader's re-raise).</summary>
    private static WorkerFailure? Original(TracebackInfo failure) =>
        failure.Kind == "python" && failure.ExceptionMessage.Contains("Original Traceback", StringComparison.Ordinal)
            ? Tracebacks.QuotedTraceback.Read(failure.ExceptionMessage)
            : null;

    /// <summary>
    /// The first failure that is not a cascade, by timestamp where both have one, else by position in the log. Evidence
    /// comes in tiers: a full printout (a type and frames, a crash dump, a death) beats an exception line printed alone.
    /// When every failure is a cascade (a pure hang shows only watchdog timeouts), the same order applies among the
    /// cascades. A traceback cut before its exception line is listed but never the root: it does not say what failed
    /// (a root with an empty exception type), and one that is all a log holds is often no failure at all (the stack
    /// autograd's anomaly mode prints with its warning, a paste that stops mid-traceback); it lends its frames to an
    /// exception line printed alone just after it (<see cref="CutTracebacks"/>).
    /// </summary>
    private static TracebackInfo? RootCause(List<TracebackInfo> failures) =>
        (Pick(failures, cascades: false) ?? Pick(failures, cascades: true) ?? (failures.Count > 0 && Tier(failures[0]) < CutTier ? failures[0] : null)
            ?? CutTracebacks.Alone(failures)) is { } root
            ? CutTracebacks.Attach(root, failures)
            : null;

    private static TracebackInfo? Pick(List<TracebackInfo> failures, bool cascades)
    {
        for (var tier = 0; tier < CutTier; tier++)
        {
            TracebackInfo? best = null;
            foreach (var failure in failures)
            {
                if ((failure.Secondary && !cascades) || Tier(failure) != tier || IsSilentCopy(failure, failures)) continue;
                if (best is null || (failure.Timestamp is { } t && best.Timestamp is { } b && t < b)) best = failure;
            }

            if (best is not null) return DumpOfSameDeath(best, failures) ?? best;
        }

        return null;
    }

    /// <summary>A signal handler's one-line report followed by the crash dump of the same death: absl's and glog's handler
    /// (<c>*** SIGSEGV received at time=… ***</c>, its native stack) chains to Python's faulthandler, which then prints
    /// <c>Fatal Python error: Segmentation fault</c> and the Python frames. One death, and the dump says where. The
    /// reverse order (a shell's <c>Segmentation fault</c> after the dump) never makes a second failure
    /// (<see cref="LogAnalyzer.SameDeathWindowLines"/>).</summary>
    private static TracebackInfo? DumpOfSameDeath(TracebackInfo best, List<TracebackInfo> failures)
    {
        if (best.Kind != "signal") return null;
        foreach (var failure in failures)
        {
            if (failure.Kind == Tracebacks.FaulthandlerParser.Kind && failure.ExceptionType == best.ExceptionType && failure.Frames.Count > 0
                && failure.FirstLine > best.FirstLine && failure.FirstLine - best.FirstLine <= LogAnalyzer.SameDeathWindowLines) return failure;
        }

        return null;
    }

    /// <summary>A C++ abort without its what() text while another copy of the same abort has it: ranks abort together and
    /// only some of their copies keep the text, so the copy that says something stands for them all.</summary>
    private static bool IsSilentCopy(TracebackInfo failure, List<TracebackInfo> failures)
    {
        if (failure is not { Kind: "cpp", ExceptionMessage.Length: 0 }) return false;
        foreach (var other in failures)
        {
            if (other.Kind == "cpp" && other.ExceptionMessage.Length > 0 && other.ExceptionType == failure.ExceptionType) return true;
        }

        return false;
    }

    /// <summary>The marker id a DataLoader worker's death report is recorded under (Markers/LineMarkers).</summary>
    private const string WorkerSignalMarker = "worker-signal";

    /// <summary>The tier of a traceback cut before its exception line: never the root (<see cref="RootCause"/>).</summary>
    private const int CutTier = 2;

    private static int Tier(TracebackInfo failure) => failure switch
    {
        // A chain whose last printout was cut before its exception line still printed its first exceptions in full.
        { Kind: "python", ExceptionType.Length: 0, Chain: [{ ExceptionType.Length: > 0 }, ..] } => 0,
        { Kind: "python", ExceptionType.Length: 0 } => CutTier,
        { Kind: "python", Frames.Count: 0, Chain.Count: 0, SubExceptions.Count: 0 } => 1,
        // Ray's wrapper standing for a task's part cut before its exception line (Tracebacks/RayCauseLine): it names
        // what the driver raised, not what failed; the task's own exception line printed alone (a worker's "(pid=N)
        // NameError: …") is as good, and the first printed wins.
        { Kind: "python", Chain.Count: 0 } when Tracebacks.RayCauseLine.IsDualName(failure.ExceptionType) => 1,
        // A C++ abort that says nothing of its cause: another rank's copy of the same abort carries the what() text,
        // and std::terminate without an exception ("terminate called recursively", "… without an active exception")
        // follows the error that was printed before it (a Python RuntimeError with the CUDA error).
        { Kind: "cpp", ExceptionType: "std::terminate" } => 1,
        { Kind: "cpp", ExceptionMessage.Length: 0 } => 1,
        // A C++ stack whose type line was lost (CppAbortParser.TryOpenAtRaisedFrom) says where, not what.
        { Kind: "cpp", ExceptionType.Length: 0 } => 1,
        // A DataLoader worker's own report of its death: the main process re-raises it as a RuntimeError ("DataLoader
        // worker (pid N) is killed by signal") with the traceback, which says where.
        { Kind: "signal", Logger: WorkerSignalMarker } => 1,
        _ => 0,
    };

    private List<ErrorEntry> Entries(List<TracebackInfo> failures)
    {
        var entries = new List<ErrorEntry>();
        foreach (var group in analyzer.Errors.Groups)
        {
            entries.Add(new ErrorEntry
            {
                Timestamp = analyzer.ToUtc(group.FirstTimestamp),
                LastTimestamp = analyzer.ToUtc(group.LastTimestamp.HasValue ? group.LastTimestamp : group.FirstTimestamp),
                Level = group.Level >= LogLevel.Error ? "error" : "warning",
                Phase = group.Phase,
                Message = group.Message,
                DedupeKey = DedupeKey.For(group.Phase ?? group.Logger ?? group.Source, group.MaskedFirstLine, group.Fingerprint),
                Count = group.Count,
                FirstLine = group.FirstLine,
                Ranks = group.Ranks.ToArray(),
                Logger = group.Logger,
                Source = group.Source,
            });
        }

        // Each exception a traceback ended with is an error too; deaths already have their marker line's entry.
        foreach (var failure in failures)
        {
            if (failure.Kind == "signal" || failure.ExceptionType.Length == 0) continue;
            var text = Headline(failure);
            entries.Add(new ErrorEntry
            {
                Timestamp = failure.Timestamp,
                LastTimestamp = failure.Timestamp,
                Level = "error",
                Phase = failure.Phase,
                Message = text,
                DedupeKey = DedupeKey.For("exception", text, FailureTable.Fingerprint(failure)),
                Count = failure.Count,
                FirstLine = failure.ExceptionLine > 0 ? failure.ExceptionLine : failure.FirstLine,
                Ranks = failure.Ranks,
                Logger = failure.Logger,
                Source = "exception",
            });
        }

        entries.Sort((a, b) => a.Level != b.Level ? (a.Level == "error" ? -1 : 1) : a.FirstLine.CompareTo(b.FirstLine));
        return entries;
    }

    private static string? Summary(TracebackInfo? root)
    {
        if (root is null) return null;
        var first = FirstLine(root.ExceptionMessage);
        var text = root.Kind switch
        {
            "signal" when root.Progress is { } progress => $"Process killed by {root.ExceptionType}: {first} (at {progress})",
            "signal" => $"Process killed by {root.ExceptionType}: {first}",
            _ => Headline(root),
        };
        return WithRank(text, root.Rank);
    }

    /// <summary><c>Type: first message line</c>; for a re-raise that quotes a worker's exception, the worker's exception and
    /// where it was raised (<c>FileNotFoundError: [Errno 2] No such file… (in DataLoader worker process 3)</c>).</summary>
    private static string Headline(TracebackInfo failure)
    {
        if (failure.Original is { } original)
        {
            var quoted = FirstLine(original.ExceptionMessage);
            var head = quoted.Length == 0 ? original.ExceptionType : $"{original.ExceptionType}: {quoted}";
            return original.RaisedIn is { } where ? $"{head} (in {where})" : head;
        }

        if (CutTracebacks.IsCut(failure)) return CutAt(failure);
        var first = FirstLine(failure.ExceptionMessage);
        if (failure.ExceptionType.Length == 0) return first.Length > 0 ? first : RaisedAt(failure);
        return first.Length == 0 ? failure.ExceptionType : $"{failure.ExceptionType}: {first}";
    }

    /// <summary>A Python traceback cut before its exception line (the root only when nothing else failed): what failed was
    /// not printed, so the headline says so and where the process was, its last complete frame.</summary>
    private static string CutAt(TracebackInfo failure)
    {
        if (failure.Frames.Count == 0) return "Traceback cut before its first frame line ended";
        var frame = failure.Frames[^1];
        var at = frame.Line is { } line ? $"{frame.File}:{line}" : frame.File;
        return $"Traceback cut before its exception line; last frame {at} in {frame.Function}";
    }

    /// <summary>A C++ exception whose type was not printed, by where it was raised.</summary>
    private static string RaisedAt(TracebackInfo failure) =>
        failure.Frames.Count > 0 ? $"C++ exception raised from {failure.Frames[^1].Function} at {failure.Frames[^1].File}" : "C++ exception";

    /// <summary>The evidence line of a fatal rule on errors, with its rank.</summary>
    private static string? Summary(FailureAnalysis analysis)
    {
        if (analysis.Evidence.Count == 0) return null;
        return WithRank(FirstLine(analysis.Evidence[0].Text.Trim()), analysis.RootRank);
    }

    /// <summary>A summary line: the rank appended when known, cut to <see cref="MaxSummaryChars"/>.</summary>
    private static string WithRank(string text, int? rank)
    {
        if (rank is { } r) text += $" (rank {r})";
        if (text.Length <= MaxSummaryChars) return text;
        // Redacted before the cut: a secret cut in half no longer has the shape its rule recognises.
        text = Redactor.RedactHead(text, MaxSummaryChars);
        return text.Length <= MaxSummaryChars ? text : string.Concat(text.AsSpan(0, MaxSummaryChars - 1), "…");
    }

    private static string FirstLine(string message)
    {
        var span = message.AsSpan().TrimStart('\n');
        var newline = span.IndexOf('\n');
        return (newline >= 0 ? span[..newline] : span).Trim().ToString();
    }
}
