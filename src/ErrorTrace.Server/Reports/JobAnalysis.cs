using ErrorTrace.Core.Analysis;
using ErrorTrace.Server.Logs;

namespace ErrorTrace.Server.Reports;

/// <summary>One job's cached analysis: the engine's resumable state and what it has read. Only the holder of
/// <see cref="Gate"/> touches the rest (the analyzer is not thread-safe, and concurrent requests must parse once),
/// except <see cref="Published"/>, which any request may read.</summary>
internal sealed class JobAnalysis
{
    private volatile PublishedReport? _published;

    public SemaphoreSlim Gate { get; } = new(1, 1);

    public LogAnalyzer? Analyzer { get; set; }

    public FileIdentity Identity { get; set; }

    /// <summary>Bytes of the file read (compressed bytes for gzip).</summary>
    public long Length { get; set; }

    /// <summary>XxHash64 of the last <see cref="LogRefresher.TailBytes"/> bytes read: checked before appending, so a log
    /// rewritten in place (same inode, larger) is read again from the start.</summary>
    public ulong TailHash { get; set; }

    public bool Gzip { get; set; }

    public RenderedReport? Report { get; set; }

    /// <summary>The last report and what it was made from, written under the gate and read without it (see
    /// <see cref="PublishedReport"/>); null when there is none to reuse.</summary>
    public PublishedReport? Published
    {
        get => _published;
        set => _published = value;
    }
}
