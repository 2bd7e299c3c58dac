using ErrorTrace.Core.Analysis;
using ErrorTrace.Core.Context;
using ErrorTrace.Server.Logs;

namespace ErrorTrace.Server.Reports;

/// <summary>One job's cached analysis: the engine's resumable state (for a running job) and what it has read. Only the
/// holder of <see cref="Gate"/> touches the rest (the analyzer is not thread-safe, and concurrent requests must parse
/// once), except <see cref="Published"/>, which any request may read.</summary>
internal sealed class JobAnalysis
{
    private volatile PublishedReport? _published;

    public SemaphoreSlim Gate { get; } = new(1, 1);

    /// <summary>The engine's state while the job runs (more bytes may come). Null once a finished job's report is
    /// rendered: a finished log that changes is read again from the start anyway, so only the report is kept.</summary>
    public LogAnalyzer? Analyzer { get; set; }

    /// <summary>What <c>fstat</c> said about the file when it was last read; its length is the bytes read (compressed
    /// bytes for gzip).</summary>
    public FileStatus File { get; set; }

    /// <summary>XxHash64 of the first and of the last <see cref="LogRefresher.EdgeBytes"/> bytes read: both checked before
    /// appending, so a log rewritten in place (same inode, longer) is read again from the start.</summary>
    public ulong HeadHash { get; set; }

    public ulong TailHash { get; set; }

    public bool Gzip { get; set; }

    /// <summary>The analyzer's line checkpoints for this file (null for gzip, whose offsets are not the file's): kept when
    /// a finished job's analyzer is let go, so the log endpoint still seeks near any line (at most 32 KiB).</summary>
    public LineIndex? LineIndex { get; set; }

    /// <summary>Bytes the analyzer allocated while reading (its buffers, group tables and strings): what keeping it costs.
    /// The engine allocates nothing per line, so this is what it holds, plus the growth of its tables.</summary>
    public long AnalyzerBytes { get; set; }

    public RenderedReport? Report { get; set; }

    /// <summary>The last report and what it was made from, written under the gate and read without it (see
    /// <see cref="PublishedReport"/>); null when there is none to reuse.</summary>
    public PublishedReport? Published
    {
        get => _published;
        set => _published = value;
    }

    /// <summary>Forgets everything read (the log vanished or may not be read).</summary>
    public void Reset()
    {
        Analyzer = null;
        AnalyzerBytes = 0;
        LineIndex = null;
        Report = null;
        Published = null;
        File = default;
    }
}
