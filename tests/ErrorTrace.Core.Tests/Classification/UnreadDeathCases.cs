using ErrorTrace.Core.Classification;
using C = ErrorTrace.Core.Classification.FailureCategory;

namespace ErrorTrace.Core.Tests.Classification;

/// <summary>
/// Logs whose only sign of the failure is a line the engine does not parse as a death or an error: a hang that prints the
/// same wait until the log stops, a monitor's disk warning, a shell's localized or glued <c>Killed</c>, a native crash
/// dump's header, an allocator's message without its exception line. Each in wordings other than the corpus log it came
/// from (other ranks, paths, sizes, locales).
/// </summary>
internal static class UnreadDeathCases
{
    public static IEnumerable<ClassificationCase> All()
    {
        yield return new("store-barrier-wait-ends-log", Clean(
            "[2024-02-01 09:00:00,100][torch.distributed.distributed_c10d][INFO] - Added key: store_based_barrier_key:1 to store for rank: 3",
            "[2024-02-01 09:00:10,110][torch.distributed.distributed_c10d][INFO] - Waiting in store based barrier to initialize process group for rank: 3, key: store_based_barrier_key:1 (world_size=4, worker_count=3, timeout=0:30:00)",
            "[2024-02-01 09:00:20,120][torch.distributed.distributed_c10d][INFO] - Waiting in store based barrier to initialize process group for rank: 3, key: store_based_barrier_key:1 (world_size=4, worker_count=3, timeout=0:30:00)"),
            C.Timeout, "timeout-log-ends-waiting", "medium");
        yield return new("vllm-broadcast-wait-ends-log", Clean(
            "(VllmWorker rank=0 pid=811) INFO 05-02 11:20:03 [shm_broadcast.py:430] No available shared memory broadcast block found in 60 seconds. This typically happens when some processes are hanging."),
            C.Timeout, "timeout-log-ends-waiting", "medium");
        yield return new("ultralytics-labels-skipped-as-corrupt", Clean(
            "val: WARNING ⚠️ /data/parts/images/val/p_0042.png: ignoring corrupt image/label: labels require 5 columns, 3 columns detected"),
            C.DataError, "data-samples-skipped-as-corrupt", "medium", "data_loading");
        yield return new("localized-killed-alone", Clean("Epoch 12: 45%|████▌     | 450/1000", "Getötet"),
            C.HostOom, "host-oom-killed-signal-logged", "medium");
        yield return new("killed-glued-to-a-map-bar", Clean("Map (num_proc=8):  71%|███████   | 71000/100000 [01:02<00:25, 1130.4 examples/s]Killed"),
            C.HostOom, "host-oom-killed-signal-logged", "medium");
        yield return new("ray-session-disk-over-full", Clean(
            "(raylet) [2024-06-01 08:00:00,001 E 4242 4250] file_system_monitor.cc:111: /mnt/ray_tmp/session_latest is over 97% full, available space: 1.2 GB; capacity: 512 GB. Object creation will fail if spilling is required."),
            C.DiskError, "disk-full", "medium");
        yield return new("ucx-backtrace-header", Clean(
            "==== backtrace (tid:   1240) ====",
            " 0 0x0000000000012345 ucs_debug_print_backtrace()  ???:0"),
            C.Segfault, "segfault-faulthandler-dump", "medium");
        yield return new("paddle-gpu-oom-message-only", Clean(
            "Out of memory error on GPU 1. Cannot allocate 256.000244MB memory on GPU 1, 1.4GB memory has been allocated and available memory is only 120.5MB."),
            C.OomTraining, "gpu-oom", "medium");
    }

    private static ClassificationInput Clean(params string[] lines) =>
        new(null, [], [], null) { Context = [.. lines.Select((l, i) => new ContextLine(100 + i, l))] };
}
