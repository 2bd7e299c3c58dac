using ErrorTrace.Core.Tracebacks;

namespace ErrorTrace.Core.Markers;

/// <summary>
/// glog's banner before the stack of a failed CHECK or a LOG(FATAL) (<c>LogMessage::Fail</c>, then
/// <c>abort()</c>): the process dies by SIGABRT whether or not the shell's 'Aborted (core dumped)' was kept. Caffe, Caffe2,
/// OpenPose, PaddlePaddle's C++ core and XLA print it; a paste often keeps it and the bare 'Check failed: …' line while the
/// glog header ('F0125 16:57:07.136848 17168 bbox_util.cu:599]') that makes the fatal record is cut. The death says what
/// failed: the CHECK's text printed just before the banner when there is one (<see cref="CheckText"/>), else the banner.
/// </summary>
internal static class GlogCheckFailure
{
    private const string Banner = "*** Check failure stack trace: ***";

    /// <summary>The words glog's CHECK macros write before the condition (<c>CHECK(x)</c>, <c>CHECK_EQ(a, b)</c>: 'Check
    /// failed: a == b (1 vs. 2) '; CUDA_CHECK in Caffe: 'Check failed: error == cudaSuccess (8 vs. 0)  invalid device
    /// function').</summary>
    private const string CheckWords = "Check failed: ";

    /// <summary>The needle's fingerprint (Text/RareWindow) is '*** ', one the gate had (absl's '*** SIG', glibc's
    /// '*** Error in `'): no bucket of the gate changes.</summary>
    public static readonly LineMarker Marker = new("glog-check-failure", [Banner],
        "glog's '*** Check failure stack trace: ***' before the stack of a failed CHECK or LOG(FATAL), after which glog calls abort(): a death by SIGABRT, whose message is the 'Check failed: …' line printed just before it when the paste kept it. The whole line only (after a Markdown quote's marks), so a sentence quoting it is no death.",
        Match);

    private static MarkerHit? Match(LineMarker marker, ReadOnlySpan<char> line) =>
        line.SequenceEqual(Banner) ? new MarkerHit(marker, MarkerKind.Death, "SIGABRT") : null;

    /// <summary>The failed CHECK's text in the line printed just before the banner (null when there is none): from
    /// 'Check failed: ' on, so a glog header the record parser did not read (a paste's backticks around the record,
    /// <c>`F0315 23:34:06.171448  7416 pooling_layer.cu:212] Check failed: …`</c>) is dropped with the paste's marks.</summary>
    public static string? CheckText(string? previous)
    {
        if (previous is null) return null;
        var line = PastedMarkdown.Strip(previous.AsSpan().TrimEnd());
        var at = line.IndexOf(CheckWords, StringComparison.Ordinal);
        if (at < 0) return null;
        var text = line[at..].Trim();
        return text.Length > CheckWords.Length ? text.ToString() : null;
    }
}
