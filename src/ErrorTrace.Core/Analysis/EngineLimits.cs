namespace ErrorTrace.Core.Analysis;

/// <summary>Every bound the engine keeps, with the reason for its value. Peak memory stays flat whatever the log size
/// because each of these caps something that would otherwise grow with hostile input.</summary>
internal static class EngineLimits
{
    /// <summary>Bytes of one line kept for parsing. A 50 MB progress-bar line is mostly repetition; no record header,
    /// frame or exception line a parser needs is that long. The rest of the line is counted and skipped.</summary>
    public const int MaxLineBytes = 64 * 1024;

    /// <summary>Lines kept in one exception message. torchelastic's ChildFailedError table is ~20 lines; a c10 message with
    /// its C++ stack ~60. Beyond this the text is almost always another program's output glued on.</summary>
    public const int MaxMessageLines = 200;

    /// <summary>Characters kept in one exception message or error entry message.</summary>
    public const int MaxMessageChars = 16 * 1024;

    /// <summary>Lines a printout holds back after a blank line that follows an exception's message, waiting for a chain
    /// sentence: a blank line inside a chained exception's message (CPython prints messages verbatim) is told from
    /// the end of the printout only by what follows the next paragraph. Messages with blank lines are short prose
    /// (an explanation, a hint); a longer run is the job's own output, replayed once the look-ahead gives up. The
    /// bound is also the most a live report can lag behind the log on that stream.</summary>
    public const int MaxLookAheadLines = 24;

    /// <summary>Characters held by that look-ahead (see <see cref="MaxLookAheadLines"/>).</summary>
    public const int MaxLookAheadChars = 8 * 1024;

    /// <summary>Characters kept of a traceback's raw text (the panel's raw view).</summary>
    public const int MaxRawChars = 64 * 1024;

    /// <summary>Frames kept per exception. RecursionError prints at most a few hundred after CPython's own collapse.</summary>
    public const int MaxFrames = 512;

    /// <summary>Exceptions kept in one chain and sub-exceptions kept in one group (CPython prints at most 15 per group).</summary>
    public const int MaxChainLength = 64;

    /// <summary>Nesting depth of exception groups followed (CPython's own max_group_depth is 10).</summary>
    public const int MaxGroupDepth = 16;

    /// <summary>Continuation lines appended to a warning/error record's message.</summary>
    public const int MaxRecordContinuationLines = 20;

    /// <summary>Distinct error/warning groups kept; later new ones are counted in an overflow note. Bounds memory on logs
    /// whose every line is a different error.</summary>
    public const int MaxErrorGroups = 5_000;

    /// <summary>Distinct failures (tracebacks, deaths) kept.</summary>
    public const int MaxFailureGroups = 1_000;

    /// <summary>Separate output streams (rank × host) tracked; more share one overflow stream.</summary>
    public const int MaxStreams = 4_096;

    /// <summary>Distinct hosts remembered from <c>hostname: </c> prefixes.</summary>
    public const int MaxHosts = 1_024;

    /// <summary>Columns a frame line must fill to be taken for the first piece of a line a terminal wrapped. Terminals
    /// are 80 columns or wider, and only a line that reaches the edge wraps; 40 leaves room for a split pane, while a
    /// short frame line that fails to parse is damage, not a wrap.</summary>
    public const int MinWrappedFrameColumns = 40;

    /// <summary>Pieces of one wrapped frame line joined back: four widths of an 80-column terminal hold a 300-character
    /// site-packages path. More is not a frame line.</summary>
    public const int MaxWrappedFramePieces = 4;

    /// <summary>Ranks listed per group; a 4,096-GPU job lists its first ranks and the count says the rest.</summary>
    public const int MaxRanksListed = 1_024;

    /// <summary>Run starts remembered in one log (a nohup.out of launches): far more than any real file appends, and only
    /// the earliest are forgotten, since the root cause is in the last run.</summary>
    public const int MaxRuns = 4_096;
}
