using ErrorTrace.Core.Grouping;
using ErrorTrace.Core.Input;
using ErrorTrace.Core.Records;
using ErrorTrace.Core.Reports;

namespace ErrorTrace.Core.Analysis;

/// <summary>
/// The engine: a resumable reader over a log's UTF-8 bytes, in the manner of <c>Utf8JsonReader</c>. Feed it chunks in
/// order with <see cref="Append"/>; ask for a <see cref="CreateReport"/> at any point (a still-open traceback is
/// included as read so far, an unterminated last line is not); call <see cref="Complete"/> at the end of input.
/// Appending more after a report continues where the previous chunk stopped, so the cost of re-analysing a growing
/// log is proportional to the new bytes. Never throws on content. Not thread-safe: one caller at a time.
/// </summary>
public sealed partial class LogAnalyzer : ILineSink
{
    private LineSplitter _splitter = new();
    private StreamTable _streams = new();
    private ErrorGroupTable _errors = new();
    private FailureTable _failures = new();
    private RepeatedWarnings _repeatedWarnings = new();
    private CollectiveTimeouts _collectives = new();
    private readonly RunEnvironment.EnvironmentScanner _environment = new();
    private LogTail _tail = new();
    private readonly RunTable _runs = new();
    private readonly byte[] _ansiScratch = new byte[EngineLimits.MaxLineBytes];
    private readonly byte[] _criJoin = new byte[EngineLimits.MaxLineBytes];
    private readonly char[] _chars = new char[EngineLimits.MaxLineBytes];
    private int _criJoinLength;
    private bool _criPending;
    private bool _lineIsCri;
    private int _firstYear;
    private int _lastYear;
    private int _lastMonth;
    private long _lastDeathLine = -SameDeathWindowLines - 1;

    public LogAnalyzer(AnalysisOptions? options = null)
    {
        Options = options ?? AnalysisOptions.Default;
    }

    public AnalysisOptions Options { get; }

    /// <summary>Bytes appended so far (of the decompressed log).</summary>
    public long BytesConsumed { get; private set; }

    public bool IsComplete { get; private set; }

    private List<string>? _inputNotes;

    /// <summary>What the reader could not read (a corrupt or truncated gzip stream): shown among the report's notes, so a
    /// report on a partly unreadable file says so instead of looking complete.</summary>
    public void NoteInput(string note) => (_inputNotes ??= []).Add(note);

    internal IReadOnlyList<string> InputNotes => _inputNotes ?? [];

    /// <summary>Physical lines read so far.</summary>
    public long Lines => _splitter.PhysicalLines;

    public void Append(ReadOnlySpan<byte> chunk)
    {
        if (IsComplete) throw new InvalidOperationException("The analyzer is complete; create a new one to read another log.");
        BytesConsumed += chunk.Length;
        _tail.Append(chunk);
        _splitter.Append(chunk, this);
        // Per chunk, not per line: the head's banners, and a checkpoint for reading lines back (Context/LineIndex).
        _environment.Append(chunk);
        LineIndex.Observe(BytesConsumed, _splitter.LineNumber - 1);
    }

    /// <summary>End of input: the last line is read even without a newline, and every open block is closed.</summary>
    public void Complete()
    {
        if (IsComplete) return;
        _splitter.Complete(this);
        if (_criPending && _criJoinLength > 0)
        {
            _criPending = false;
            var joined = _criJoin.AsSpan(0, _criJoinLength);
            ProcessContent(joined, _splitter.LineNumber - 1, startsLine: true, endsLine: true, hasEscape: joined.IndexOf(Envelopes.AnsiEscapes.Escape) >= 0);
        }

        foreach (var stream in _streams.All) CloseActive(stream);
        _environment.Complete();
        IsComplete = true;
    }

    public ErrorReport CreateReport(ReportContext? context = null) =>
        new ReportBuilder(this, context ?? new ReportContext()).Build();

    /// <summary>Line → byte-offset checkpoints of what was appended, to read any range of lines back from the file.</summary>
    public Context.LineIndex LineIndex { get; } = new();

    internal IEnumerable<StreamState> Streams => _streams.All;

    internal StreamTable StreamTable => _streams;

    internal RunEnvironment.EnvironmentScanner Environment => _environment;

    internal ErrorGroupTable Errors => _errors;

    internal CollectiveTimeouts Collectives => _collectives;

    internal FailureTable Failures => _failures;

    /// <summary>Where the runs of a log holding several start (RunBanners).</summary>
    internal RunTable Runs => _runs;

    /// <summary>The log's last lines, for the classifier (LogTail).</summary>
    internal IReadOnlyList<Classification.ContextLine> TailLines() => _tail.Lines(_splitter.PhysicalLines);

    internal long TruncatedLines => _splitter.TruncatedSegments + _truncatedElsewhere;

    internal int FallbackYear => Options.ReferenceYear ?? (_firstYear != 0 ? _firstYear : DateTime.UtcNow.Year);

    internal DateTime? ToUtc(in RawTimestamp timestamp) => timestamp.ToUtc(Options.TimeZone, FallbackYear);
}
