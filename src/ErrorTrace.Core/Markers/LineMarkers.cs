using System.Buffers;

namespace ErrorTrace.Core.Markers;

/// <summary>
/// The ordered marker rules, tried on unstructured lines outside any traceback and (deaths only) on the messages of
/// error records. First match wins. A line with none of the needles costs one vectorised multi-string search.
/// </summary>
internal static class LineMarkers
{
    public static readonly LineMarker[] All =
    [
        new("signal-received", ["ved by PID", "*** SIG"],
            "torchelastic: 'Signal 9 (SIGKILL) received by PID 1234' (also inside ChildFailedError's table); absl's and glog's failure signal handler: '*** SIGSEGV (@0x0) received by PID 26955 (TID …) from PID 0; stack trace: ***', also as Ray's workers print it, '*** SIGSEGV received at time=1745480384 on cpu 3 ***'. The needle starts at 'ved': the gate's search keys on a needle's first bytes (Text/AsciiLiteralSet), and 'rec' begins too many ordinary words.",
            MarkerMatchers.SignalReceived),
        new("oom-killer", ["oom_kill", "oom-kill", "Out of memory: Kill", "cgroup out of memory", "Out Of Memory", "OOM Killed", "OOMKilled", "low on resource: memory"],
            "The kernel's OOM killer as Slurm ('Detected 1 oom_kill event', 'task 0: Out Of Memory'), dmesg ('Out of memory: Killed process', a container's 'Memory cgroup out of memory: Killed process 93291 (python)') and Kubernetes report it ('OOMKilled'; the kubelet's eviction of a pod when the node runs out of memory, 'The node was low on resource: memory.', which kills its containers).",
            MarkerMatchers.OomKiller),
        MemoryKillReports.Marker,
        new("exit-code", ["exitcode", "exit status", "exit code", "return code", "exited with code", "returncode"],
            "Launchers' exit reports: 'failed (exitcode: -9)', DeepSpeed 'exits with return code = -9', 'exit status 137'. Only a code that means a signal is a death; the trade-off: 'exit code 137' in prose counts too.",
            MarkerMatchers.ExitCode),
        new("shell-signal", ["Killed", "Segmentation fault", "Bus error", "Abort", "Floating point exception", "Illegal instruction", "User defined signal", "segfault at ", "by signal"],
            "A shell's report of a child killed by a signal: 'Killed', 'Segmentation fault (core dumped)', '/bin/bash: line 1: 1234 Killed  python train.py', 'User defined signal 2' (a scheduler's warning signal), macOS's 'Abort trap: 6' (its strsignal() words for SIGABRT; 'Killed: 9', 'Segmentation fault: 11' start with Linux's; one needle 'Abort' for both SIGABRT words: 'Abort trap' beside 'Aborted' was one more literal for every window with the fingerprint 'Abor'). Only at the line's start, after a pid, glued to a tqdm or Keras bar or wrapped in markdown ('**Killed**'), so prose mentioning 'killed' is not a death. The same words in native tools' reports (Markers/NativeDeathMatchers): gdb's 'received signal SIGSEGV, Segmentation fault.', Open MPI's 'Signal: Segmentation fault (11)', mpirun's 'exited on signal 9 (Killed)', UCX's '[node11:265:0:4597] Caught signal 11 (Segmentation fault: address not mapped …)', qemu-user's 'qemu: uncaught target signal 6 (Aborted) - core dumped', the kernel's 'python[1234]: segfault at 0 ip 00007f… sp 00007f… error 4 in lib.so[…]', fish's 'fish: Job 1, 'python3 x.py' terminated by signal SIGKILL (Forced quit)' (needle 'by signal': its fingerprint 'sign' is one the gate had), macOS crash reports' 'Namespace SIGNAL, Code 11'. A paste's quotes around the report ('>Killed: 9', macOS bash's words with the number) and bash's padded job notification ('Segmentation fault      (core dumped) nohup python …') are read too (Markers/ShellReportForms).",
            MarkerMatchers.ShellSignal),
        LocalizedShellDeath.Marker,
        CompilerKill.Marker,
        new("worker-signal", ["Unexpected segmentation fault", "Unexpected bus error", "Unexpected floating-point exception"],
            "PyTorch's DataLoader worker signal handler: 'ERROR: Unexpected bus error encountered in worker. This might be caused by insufficient shared memory (shm).' The main process usually raises 'DataLoader worker (pid N) is killed by signal' after it, with a traceback, which is the better root (ReportBuilder's tiers); alone, the worker's report is the death. Needles start at 'Unex': 'segm' or 'bus ' alone would also catch zsh's and prose.",
            MarkerMatchers.WorkerSignal),
        HeapCorruption.Marker,
        RuntimeDeathReports.RHandler,
        GlogCheckFailure.Marker,
        new("zsh-signal", ["zsh: ", "segmentation fault", " killed  ", "abort", " bus error"],
            "zsh's lower-case job reports: 'zsh: killed  python train.py', 'zsh: segmentation fault  python …', and for a background job '[1]    32012 segmentation fault  cmd' (zsh pads the word to its column: the needles keep two spaces after it, so prose's 'killed' is not searched; a core dump's '(core dumped)' takes the padding's place: '[1]    2964311 abort (core dumped)  python test.py'; so the needles are 'abort' and ' bus error' without the padding: their fingerprints, 'abor' and ' bus', are the padded ones', where ' abort (core dumped)' put new ones into the gate's plan). Only after 'zsh:' or a job number and pid, or 'segmentation fault (core dumped)' alone on its line.",
            MarkerMatchers.ZshSignal),
        new("python-warning", ["Warning: "],
            "warnings.showwarning: '/path/file.py:12: UserWarning: message' (the source line that follows is not a marker).",
            MarkerMatchers.PythonWarning),
        new("nccl-warn", ["L WARN "],
            "NCCL's own diagnostics 'host:pid:tid [dev] NCCL WARN …', printed when a collective or transport fails. The needle leaves out 'NCC': the gate's search keys on a needle's first bytes (Text/AsciiLiteralSet), and NCCL INFO lines, the commonest lines of a multi-GPU log, all contain 'NCCL'.",
            MarkerMatchers.Contains(MarkerKind.Error)),
        new("slurm-cancelled", ["CANCELLED AT"],
            "slurmstepd's '*** JOB 123 ON node CANCELLED AT 2024-04-20T09:09:37 DUE TO TIME LIMIT ***' (also STEP, PREEMPTION, NODE FAILURE, or no reason for scancel): Slurm signals the tasks with SIGTERM, then SIGKILL after KillWait. Only with the '***' frame Slurm prints around it; the needle is upper case, which ordinary log text rarely is.",
            MarkerMatchers.SlurmCancelled),
        new("slurm-error", ["srun: error:", "slurmstepd: error:"],
            "Slurm's step errors (node failures, time limits, cancelled steps). Its memory enforcement's 'Job 7518 exceeded memory limit (626359956 > 512000000), being killed' and 'Exceeded job memory limit' are a death by SIGKILL (Markers/SlurmReport).",
            MarkerMatchers.SlurmError),
        new("device-assert", ["Assertion `"],
            "CUDA device-side asserts as kernels print them: 'Loss.cu:250: …: block: [0,0,0], thread: [0,0,0] Assertion `t >= 0 && t < n_classes` failed.'",
            MarkerMatchers.DeviceAssert),
        new("cuda-check", ["THCudaCheck FAIL", "CUDA error: ", "L error", "Error no kernel image"],
            "CUDA and NCCL failures printed outside a traceback (old THC checks, c10 messages split from their exception, bitsandbytes' C-level 'Error no kernel image is available for execution on the device at line 167 in file ops.cu'). 'L error' stands for 'NCCL error' (see nccl-warn); ncclSystemError-style names are caught by the exception-line marker's 'Error:'. The kernel-image needle keeps bitsandbytes' capital 'Error': the gate's search keys on a needle's first bytes, and 'avai' begins ordinary words ('available for execution on' made the realistic log's gate 6 % slower with the char search the gate used then).",
            MarkerMatchers.Contains(MarkerKind.Error)),
        new("hydra-error", ["_FULL_ERROR"],
            "Hydra's closing hint 'Set the environment variable HYDRA_FULL_ERROR=1 for a complete stack trace.', printed after a job's failure; for its own config errors (composition, overrides, instantiate targets) it is printed after the bare message, with no exception type or traceback. The needle leaves out 'HYDRA': keyed on 'HYD' (the char search the gate used then), the realistic log's gate took 4 % more instructions (callgrind: 0.484 vs 0.464 G per 16 MiB); upper-case text like it is common.",
            MarkerMatchers.Contains(MarkerKind.Error)),
        new("watchdog-timeout", ["Watchdog caught collective operation timeout", "collective operation timeout", "WorkNCCL::checkTimeout"],
            "ProcessGroupNCCL's watchdog when it prints without a glog header, or only its C++ frames survive (checkTimeout).",
            MarkerMatchers.Contains(MarkerKind.Error)),
        new("nonfinite-loss", ["nan, stopping", "inf, stopping"],
            "A training loop's own stop on a non-finite loss, printed rather than logged or raised: torchvision's reference scripts print 'Loss is nan, stopping training' (or inf) and call sys.exit(1). The needles start at the value: 'loss' is on nearly every line of a training log, and the gate's search keys on a needle's first bytes.",
            MarkerMatchers.Contains(MarkerKind.Error)),
        new("nonfinite-callback", ["Invalid loss, terminating training", "Signaling Trainer to stop"],
            "Callbacks that stop training on a NaN/Inf loss and print a sentence, with no traceback, usually glued to the progress bar that was running: Keras' TerminateOnNaN ('Batch 12: Invalid loss, terminating training') and Lightning's EarlyStopping with check_finite ('Monitored metric val_loss = nan is not finite. Previous best value was 0.432. Signaling Trainer to stop.'). The report starts at 'Batch'/'Monitored metric'; what is before it is the bar. Lightning's needle is its last sentence: 'is not finite' starts with 'is n', which begins too many ordinary words for the gate's 4-byte fingerprints (twice the realistic log's candidate windows), and 'Previous best value was' put 20 % more windows to verify; with 'Signaling Trainer to stop' the gate's buckets verify fewer than before. EarlyStopping's other stops (patience, thresholds) end with the same sentence and are no error: the matcher wants 'is not finite.' before it.",
            MarkerMatchers.NonFiniteCallback),
        new("subprocess-died-with", ["Signals."],
            "CPython's subprocess.CalledProcessError for a child a signal ended, as a program logs or prints it rather than raising it: 'Error occurred while running command: Command '[…]' died with <Signals.SIGKILL: 9>.' (str() of the error: the signal enum's repr). Raised, its traceback or exception line is read as the child's death already (Analysis/SubprocessDeath); this reads the same words in a record's or a line's text. The needle 'Signals.' has the fingerprint 'Sign' the gate had; 'died with <Signals.' would add '<Sig'.",
            MarkerMatchers.DiedWithSignal),
        new("exception-line", ["Error: ", "Exception: ", "Error:", "Exception:", "Error(", "Exception(", "SystemExit: ", "(see above for traceback): ", "Invalid: ", "shared memory", "Assertion failed"],
            "'SomeError: message' at column 0 outside a traceback: printed exceptions (print(e), a launcher's summary), an exception's repr ('RuntimeError('CUDA out of memory. …')', print(repr(e)), Optuna's '… because of the following error: RuntimeError('…',)': Tracebacks/ExceptionRepr; needles 'Error(' and 'Exception(' have the fingerprints 'Erro' and 'Exce' the gate had), 'SystemExit: 1' as IPython prints a script's sys.exit(1) without its traceback, and TensorFlow 1's 'ResourceExhaustedError (see above for traceback): OOM …' (whose type is not followed by a colon; the needle starts at '(see', rare in logs). Types not named …Error (Tracebacks/ExceptionLine.IsNamedLikeException) have needles in their usual messages: pyarrow's 'ArrowInvalid: JSON parse error …', Triton's 'triton.runtime.errors.OutOfResources: out of resource: shared memory, Required: 65536 …', OpenCV's 'cv2.error: OpenCV(4.6.0) …: error: (-215:Assertion failed) !_src.empty() …'. Each needle's fingerprint (Inva, mory, Asse) is one the gate already had: a new one reshuffles the gate's buckets (one such needle put 40 % more windows to verify on the seed log); the trade-off: Triton's registers limit and OpenCV's other codes ('(-5:Bad argument)') are not caught without a traceback. A class's repr followed by its message (Tracebacks/ClassRepr) is read when another needle brings its line here or a record carries it (TensorFlow 1's Coordinator report, an INFO record, is read by the record path); datasets' 'Failed to read file … with error <class 'pyarrow.lib.ArrowInvalid'>: JSON parse error …' alone is not: its needle \"'>: \" was a fingerprint the gate had not, and one more fingerprint re-plans the gate's buckets whatever the text (callgrind 16 MiB: mixed +2.7 %, seed +1.0 %, in this list or placed last), for one library's message.",
            MarkerMatchers.ExceptionLine),
        // Last: its needle's fingerprint ('r (p') is one the gate had not, and the gate's bucket planner merges fingerprints
        // in the order it meets them (RuntimeDeathReports.PidNeedle).
        RuntimeDeathReports.Gunicorn,
    ];

    /// <summary>The exception-line marker, for callers that ask only it (an error record's message).</summary>
    public static readonly LineMarker ExceptionLine = All.Single(m => m.Id == "exception-line");

    /// <summary>The exception-line marker's needles as one vectorised search: an error record's message is parsed as an
    /// exception line only when it has one. Without it every error record paid the parsers' scans (the pasted type, a
    /// repr anywhere): the seed log's 3 % of 'Cannot use chat template' error records cost 4.6 % of its instructions.</summary>
    private static readonly SearchValues<string> s_exceptionNeedles = SearchValues.Create(ExceptionLine.Needles, StringComparison.Ordinal);

    public static bool MayBeExceptionLine(ReadOnlySpan<char> message) => message.ContainsAny(s_exceptionNeedles);

    private static readonly NeedleIndex s_needles = new(All.Select(m => m.Needles).ToArray());

    public static MarkerHit? Match(ReadOnlySpan<char> line, bool deathsOnly)
    {
        var candidates = s_needles.Candidates(line);
        var trimmed = line.Trim();
        // A Markdown quote's marks before the line ('> 段错误 (核心已转储)', '> *** Error in `Train': double free …'): the
        // line a paste quoted, whose report starts after them.
        var quote = QuoteLength(trimmed);
        if (quote > 0) return Match(trimmed[quote..], candidates, deathsOnly) is { } quoted ? quoted with { Start = quoted.Start + quote } : null;
        return Match(trimmed, candidates, deathsOnly);
    }

    /// <summary>A Markdown quote's <c>&gt;</c> marks and the spaces after them at the line's start, when text follows.</summary>
    private static int QuoteLength(ReadOnlySpan<char> trimmed)
    {
        if (trimmed.Length < 2 || trimmed[0] != '>') return 0;
        var end = trimmed.IndexOfAnyExcept("> ");
        return end < 0 ? 0 : end;
    }

    private static MarkerHit? Match(ReadOnlySpan<char> trimmed, ulong candidates, bool deathsOnly)
    {
        // A translated shell report has no ASCII needle: asked only of a line that ends in a non-ASCII character.
        if (candidates == 0) return LocalizedShellDeath.HitWithoutNeedle(trimmed);
        for (var i = 0; i < All.Length; i++)
        {
            if ((candidates & (1UL << i)) == 0) continue;
            var marker = All[i];
            if (marker.Match(marker, trimmed) is { } hit && (!deathsOnly || hit.Kind == MarkerKind.Death)) return hit;
        }

        return LocalizedShellDeath.HitWithoutNeedle(trimmed);
    }
}
