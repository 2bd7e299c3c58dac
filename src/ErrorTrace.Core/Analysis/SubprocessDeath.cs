using ErrorTrace.Core.Markers;
using ErrorTrace.Core.Reports;

namespace ErrorTrace.Core.Analysis;

/// <summary>
/// Python's <c>subprocess.CalledProcessError</c> for a child killed by a signal (a negative return code) reads
/// <c>Command '[…]' died with &lt;Signals.SIGSEGV: 11&gt;.</c>; accelerate's launcher and the old
/// <c>torch.distributed.launch</c> re-raise it. The child printed nothing, so this sentence is the only record of its
/// death: it becomes a signal failure, and the wrapper stays the cascade it is.
/// </summary>
internal static class SubprocessDeath
{
    private const string DiedWith = "died with <Signals.";

    private static readonly LineMarker s_marker = new("subprocess-signal", [DiedWith],
        "subprocess.CalledProcessError's wording for a child that a signal ended: 'died with <Signals.SIGKILL: 9>.'",
        (_, _) => null);

    public static void Read(TracebackInfo wrapper, StreamState stream, LogAnalyzer analyzer)
    {
        if (!wrapper.ExceptionType.EndsWith("CalledProcessError", StringComparison.Ordinal)) return;
        var message = wrapper.ExceptionMessage.AsSpan();
        var at = message.IndexOf(DiedWith, StringComparison.Ordinal);
        if (at < 0) return;
        var name = message[(at + DiedWith.Length)..];
        var colon = name.IndexOf(':');
        if (colon < 4 || !name.StartsWith("SIG", StringComparison.Ordinal) || name[..colon].ContainsAnyExceptInRange('A', 'Z')) return;
        var newline = message.IndexOf('\n');
        var text = wrapper.ExceptionType + ": " + (newline < 0 ? message : message[..newline]).ToString();
        analyzer.RecordDeath(stream, new MarkerHit(s_marker, MarkerKind.Death, name[..colon].ToString()), text, wrapper.ExceptionLine);
    }
}
