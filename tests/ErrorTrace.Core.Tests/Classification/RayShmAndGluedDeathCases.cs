using ErrorTrace.Core.Classification;
using static ErrorTrace.Core.Tests.Classification.T;
using C = ErrorTrace.Core.Classification.FailureCategory;

namespace ErrorTrace.Core.Tests.Classification;

/// <summary>Deaths for host memory and /dev/shm in the words real logs leave behind when there is no traceback: Ray's
/// own explanations of a worker's death, the shell's "Killed" quoted or glued to a progress bar in another language,
/// PyTorch's shared-memory hint wrapped by a terminal.</summary>
internal static class RayShmAndGluedDeathCases
{
    private static ClassificationInput Lines(params string[] lines) =>
        In(null) with { Context = [.. lines.Select((l, i) => new ContextLine(10 + i, l))] };

    public static IEnumerable<ClassificationCase> All()
    {
        yield return new("ray-actor-died-its-list-of-causes", Lines(
            "The actor is dead because its worker process has died. Worker exit type: SYSTEM_ERROR Worker exit detail: Worker unexpectedly exits with a connection error code 2. End of file. There are some potential root causes. (1) The process is killed by SIGKILL by OOM killer due to high memory usage. (2) ray stop --force is called. (3) The worker is crashed unexpectedly due to SIGSEGV or other unexpected errors."),
            C.HostOom, "host-oom-ray-worker-died", "medium");
        yield return new("ray-memory-monitor-explanation-line", Lines(
            "Memory on the node (IP: 10.1.180.84, ID: ba65c80c8aec6b1c) where the task (task ID: d221d262, name=head, rank=0,, pid=4503, memory used=28.1GB) was running was 30.05GB / 31.26GB (0.961), which exceeds the memory usage threshold of 0.95."),
            C.HostOom, "host-oom-kernel-log", "medium");
        yield return new("zh-cn-killed-glued-to-mmcv-bar", Lines(
            "[>>>>>>>>>>                                        ] 1022/5000, 1.5 task/s, elapsed: 673s, ETA:  2621s已杀死"),
            C.HostOom, "host-oom-killed-signal-logged", "medium");
        yield return new("zh-cn-killed-glued-to-tqdm-bar", Lines("  1%|█▏                                                                                    | 21/1423 [00:02<02:09, 10.81it/s]已杀死"),
            C.HostOom, "host-oom-killed-signal-logged", "medium");
        yield return new("killed-quoted-alone", Lines("> RAM used: 6818.71 MB", "> Killed"),
            C.HostOom, "host-oom-killed-signal-logged", "medium");
        yield return new("shm-hint-wrapped-by-the-terminal", In(Py("RuntimeError", "DataLoader worker (pid 47) is killed by signal: Bus"),
            E(1, "RuntimeError: DataLoader worker (pid 47) is killed by signal: Bus\nerror. It is possible that dataloader's workers are out of shared\nmemory. Please try to raise your shared memory limit.")),
            C.DiskError, "shm-exhausted", "medium");
    }
}
