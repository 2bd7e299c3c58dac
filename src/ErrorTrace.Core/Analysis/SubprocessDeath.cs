using ErrorTrace.Core.Markers;
using ErrorTrace.Core.Reports;

namespace ErrorTrace.Core.Analysis;

/// <summary>
/// A parent's exception that says its child process died of a signal. Python's <c>subprocess.CalledProcessError</c> for a child killed by a signal (a negative return code) reads
/// <c>Command '[…]' died with &lt;Signals.SIGSEGV: 11&gt;.</c>; accelerate's launcher and the old
/// <c>torch.distributed.launch</c> re-raise it. The child printed nothing, so this sentence is the only record of its
/// death: it becomes a signal failure, and the wrapper stays the cascade it is. <c>torch.multiprocessing.spawn</c>'s join
/// says it as <c>process 1 terminated with signal SIGKILL</c> (a <c>ProcessExitedException</c>, a plain <c>Exception</c>
/// before PyTorch 1.8), read the same way.
/// </summary>
internal static class SubprocessDeath
{
    private const string DiedWith = "died with <Signals.";

    /// <summary>torch.multiprocessing.spawn's <c>ProcessExitedException</c>: <c>process 0 terminated with signal SIGKILL</c>.</summary>
    public const string TerminatedWith = "terminated with signal SIG";

    private static readonly LineMarker s_marker = new("subprocess-signal", [DiedWith],
        "subprocess.CalledProcessError's wording for a child that a signal ended: 'died with <Signals.SIGKILL: 9>.'",
        (_, _) => null);

    public static void Read(TracebackInfo wrapper, StreamState stream, LogAnalyzer analyzer)
    {
        var message = wrapper.ExceptionMessage.AsSpan();
        if (SignalOf(wrapper) is not { } signal) return;
        var newline = message.IndexOf('\n');
        var text = wrapper.ExceptionType + ": " + (newline < 0 ? message : message[..newline]).ToString();
        analyzer.RecordDeath(stream, new MarkerHit(s_marker, MarkerKind.Death, signal), text, wrapper.ExceptionLine);
    }

    /// <summary>The signal the wrapper says its child died of, or null.</summary>
    private static string? SignalOf(TracebackInfo wrapper)
    {
        var message = wrapper.ExceptionMessage.AsSpan();
        if (wrapper.ExceptionType.EndsWith("CalledProcessError", StringComparison.Ordinal))
        {
            var at = message.IndexOf(DiedWith, StringComparison.Ordinal);
            if (at < 0) return null;
            var name = message[(at + DiedWith.Length)..];
            var colon = name.IndexOf(':');
            if (colon < 4 || !name.StartsWith("SIG", StringComparison.Ordinal) || name[..colon].ContainsAnyExceptInRange('A', 'Z')) return null;
            return name[..colon].ToString();
        }

        var terminated = message.IndexOf(TerminatedWith, StringComparison.Ordinal);
        if (terminated < 0 || !message[..terminated].TrimEnd().StartsWith("process ", StringComparison.Ordinal)) return null;
        var signal = message[(terminated + TerminatedWith.Length - 3)..];
        var length = 3;
        while (length < signal.Length && length < 10 && char.IsAsciiLetterUpper(signal[length])) length++;
        return length > 3 ? signal[..length].ToString() : null;
    }
}
