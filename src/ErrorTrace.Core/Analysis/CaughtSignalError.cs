using ErrorTrace.Core.Markers;
using ErrorTrace.Core.Reports;

namespace ErrorTrace.Core.Analysis;

/// <summary>
/// An exception a framework's own signal handler prints for the signal that is killing the process. PaddlePaddle's
/// (platform/init.cc, <c>SignalHandle</c>) prints its C++ traceback and then <c>FatalError: `Segmentation fault` is
/// detected by the operating system.</c>, with the signal's description from its table; the <c>[SignalInfo: *** SIGSEGV
/// … received by PID …]</c> line after it, which names the signal, is often cut from a paste. The process dies by that
/// signal whatever the exception's name: it becomes a signal failure, and the exception stays the cascade it is
/// (CascadeRules' <c>caught-signal-error</c>).
/// </summary>
internal static class CaughtSignalError
{
    /// <summary>Paddle's sentence after the description.</summary>
    public const string Detected = "` is detected by the operating system";

    /// <summary>Paddle's <c>SignalErrorStrings</c>: its descriptions of the signals it handles.</summary>
    private static readonly (string Words, string Signal)[] s_paddle =
    [
        ("Segmentation fault", "SIGSEGV"), ("Illegal instruction", "SIGILL"), ("Erroneous arithmetic operation", "SIGFPE"),
        ("Process abort signal", "SIGABRT"), ("Access to an undefined portion of a memory object", "SIGBUS"),
        ("Termination signal", "SIGTERM"),
    ];

    private static readonly LineMarker s_marker = new("caught-signal-error", [Detected],
        "A framework's signal handler reporting the signal as an exception: Paddle's 'FatalError: `Segmentation fault` is detected by the operating system.'",
        (_, _) => null);

    public static void Read(TracebackInfo failure, StreamState stream, LogAnalyzer analyzer)
    {
        if (SignalOf(failure) is not { } signal) return;
        var text = failure.ExceptionType + ": " + failure.ExceptionMessage;
        analyzer.RecordDeath(stream, new MarkerHit(s_marker, MarkerKind.Death, signal), text, failure.ExceptionLine);
    }

    /// <summary>The signal the exception reports, or null: the description between backticks before
    /// <see cref="Detected"/>, at the message's start.</summary>
    public static string? SignalOf(TracebackInfo failure)
    {
        var message = failure.ExceptionMessage.AsSpan().TrimStart();
        if (failure.Kind == "signal" || message.IsEmpty || message[0] != '`') return null;
        var end = message.IndexOf(Detected, StringComparison.Ordinal);
        if (end < 0) return null;
        var words = message[1..end];
        foreach (var (known, signal) in s_paddle)
        {
            if (words.SequenceEqual(known)) return signal;
        }

        return null;
    }
}
