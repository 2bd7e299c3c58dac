using System.Runtime.CompilerServices;
using ErrorTrace.Core.Grouping;
using ErrorTrace.Core.Records;
using ErrorTrace.Core.Tracebacks;

namespace ErrorTrace.Core.Analysis;

/// <summary>
/// What the engine remembers about one output stream (one rank on one host): the block being read, the open record
/// that continuation lines extend, and the context (timestamp, phase, logger) a traceback inherits. Ranks interleave
/// line by line in a merged stderr; each keeps its own state, so their tracebacks never mix.
/// </summary>
internal sealed class StreamState(int rank, string? host = null)
{
    /// <summary>The seed's phases are single words; longer is not a phase worth keeping.</summary>
    private const int MaxContextBytes = 128;

    private readonly byte[] _phase = new byte[MaxContextBytes];
    private readonly byte[] _logger = new byte[MaxContextBytes];
    private int _phaseLength;
    private int _loggerLength;

    public int Rank { get; } = rank;

    /// <summary>The host a prefix named for this stream, else null.</summary>
    public string? Host { get; } = host;

    /// <summary>This stream's <c>[rankN]:</c> prefix has no space of its own (see <see cref="Envelopes.RankPrefixSpacing"/>).
    /// A field: the per-line path updates it by reference.</summary>
    public bool RankPrefixHasNoSpace;

    public PythonTracebackParser Python { get; } = new();

    public FaulthandlerParser Faulthandler { get; } = new();

    public CppAbortParser Cpp { get; } = new();

    public UncaughtExceptionParser Uncaught { get; } = new();

    public DebuggerExceptionParser Debugger { get; } = new();

    public RichTracebackParser Rich { get; } = new();

    public IPythonTracebackParser IPython { get; } = new();

    public IFailureBlockParser? Active { get; set; }

    /// <summary>The open Python printout arrives as log records' messages (see LogAnalyzer.ContinueRelayedTraceback).</summary>
    public bool RelayedTraceback { get; set; }

    /// <summary>The level of the record that opened a relayed printout: the relaying logger uses one level for them all.</summary>
    public LogLevel RelayedLevel { get; set; }

    /// <summary>The timestamp, phase and logger of the block that is open, frozen when it opened.</summary>
    public RawTimestamp ActiveTimestamp { get; set; }

    public string? ActivePhase { get; set; }

    public string? ActiveLogger { get; set; }

    /// <summary>The line CPython printed before the open traceback when the exception was unraisable
    /// (<c>Exception ignored in: &lt;function Loader.__del__ at 0x7f…&gt;</c>), else null.</summary>
    public string? ActiveUnraisable { get; set; }

    public RawTimestamp LastTimestamp { get; set; }

    /// <summary>A new error group whose message continuation lines extend (multi-line messages).</summary>
    public ErrorGroup? ContinuationTarget { get; set; }

    /// <summary>A record whose message starts on its next line, waiting for that line.</summary>
    public PendingRecord? PendingRecord { get; set; }

    /// <summary>No block open and no record's message going on: what an unstructured line does here depends on its text
    /// alone (the gate and the repeated-warning memo rely on that).</summary>
    public bool IsIdle
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Active is null && ContinuationTarget is null && PendingRecord is null;
    }

    /// <summary>Whatever comes next is not more of the last record's message: a new record, a blank line, a block, a
    /// progress bar's redraw.</summary>
    public void EndMessage()
    {
        ContinuationTarget = null;
        PendingRecord = null;
    }

    public LookbackBlock CurrentBlock { get; } = new();

    public LookbackBlock PreviousBlock { get; } = new();

    public ReadOnlySpan<byte> Phase => _phase.AsSpan(0, _phaseLength);

    public ReadOnlySpan<byte> Logger => _logger.AsSpan(0, _loggerLength);

    public void SetPhase(ReadOnlySpan<byte> phase) => _phaseLength = Copy(phase, _phase);

    /// <summary>The logger of the last warning/error record: the one a following traceback belongs to.</summary>
    public void SetLogger(ReadOnlySpan<byte> logger) => _loggerLength = Copy(logger, _logger);

    /// <summary>The line where the stream's last block opened: lines before it belong to earlier printouts.</summary>
    public long LastOpenLine { get; private set; }

    public void OpenBlock(IFailureBlockParser parser, long lineNumber)
    {
        Active = parser;
        RelayedTraceback = false;
        ActiveUnraisable = null;
        LastOpenLine = lineNumber;
        ActiveTimestamp = LastTimestamp;
        ActivePhase = _phaseLength == 0 ? null : Text.Utf8.Decode(Phase);
        ActiveLogger = _loggerLength == 0 ? null : Text.Utf8.Decode(Logger);
    }

    private static int Copy(ReadOnlySpan<byte> source, byte[] destination)
    {
        var length = Math.Min(source.Length, destination.Length);
        source[..length].CopyTo(destination);
        return length;
    }
}
