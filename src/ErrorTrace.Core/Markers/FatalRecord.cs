namespace ErrorTrace.Core.Markers;

/// <summary>
/// A glog/absl record of severity <c>F</c> (TensorFlow's <c>F tensorflow/core/…] Check failed: …</c>, XLA's
/// <c>F external/org_tensorflow/…] …</c>, c10's <c>F0715 …]</c>): <c>LOG(FATAL)</c> and failed <c>CHECK</c>s write the
/// record and then call <c>abort()</c>, so the record is the process's last word and its death by SIGABRT. The shell's
/// <c>Aborted (core dumped)</c> that follows is the same death.
/// </summary>
internal static class FatalRecord
{
    public static readonly MarkerHit Hit = new(
        new LineMarker("glog-fatal", [],
            "A glog record of severity F: logged, then abort(). Needs no needle: the record header says it.",
            (_, _) => null),
        MarkerKind.Death,
        "SIGABRT");

    /// <summary>Fatal records a watchdog writes when it decides the process hung (PyTorch's heartbeat monitor:
    /// <c>ProcessGroupNCCL's watchdog got stuck for 600 seconds without making progress</c>). The abort is the watchdog's
    /// verdict on a hang, not a failure of its own: the hang is the root cause, and the timeout rules name it.</summary>
    private static readonly string[] s_hangVerdicts = ["watchdog got stuck", "without making progress"];

    public static bool IsHangVerdict(ReadOnlySpan<char> message)
    {
        foreach (var verdict in s_hangVerdicts)
        {
            if (message.Contains(verdict, StringComparison.Ordinal)) return true;
        }

        return false;
    }
}
