using ErrorTrace.Core.Classification;
using static ErrorTrace.Core.Tests.Classification.T;
using C = ErrorTrace.Core.Classification.FailureCategory;

namespace ErrorTrace.Core.Tests.Classification;

/// <summary>
/// Failures that ended with no analysis or as <c>unknown</c>: a launcher killing ranks that printed nothing, an
/// interpreter's own out-of-memory words, a write cut short by a full disk in a status or writer of its own, a barrier of
/// JAX's coordination service, a plugin of another API version, TensorFlow's GPU copy without room, NaNs cast to pixels.
/// Each in wordings other than the corpus log it came from (other programs, paths, sizes, ranks).
/// </summary>
internal static class SilentEndCases
{
    public static IEnumerable<ClassificationCase> All()
    {
        yield return new("datasets-cache-not-enough-disk-space", In(Py("OSError", "Not enough disk space. Needed: 12.31 GiB (download: 4.02 GiB, generated: 8.29 GiB, post-processed: Unknown size)",
            [Sp + "datasets/load.py:load_dataset", Sp + "datasets/builder.py:download_and_prepare"])),
            C.DiskError, "disk-full", "high");
        yield return new("torch7-short-write-of-a-model", Clean(
            "Epoch: [7][ 500 / 500]\t Time: 0.412  Err: 0.0311",
            "/opt/torch/install/bin/luajit: /opt/torch/install/share/lua/5.1/torch/File.lua:141: write error: wrote 1048576 blocks instead of 4194304 at /opt/torch/pkg/torch/lib/TH/THDiskFile.c:351"),
            C.DiskError, "disk-full", "medium");
        yield return new("tf-status-path-under-unknownerror", In(Py("tensorflow.python.framework.errors_impl.UnknownError",
            "Failed to rename: /scratch/run3/ckpt/model.ckpt-1200_temp/part-00000-of-00001.data-00000-of-00001.tempstate8812 to: /scratch/run3/ckpt/model.ckpt-1200.data-00000-of-00001 : Resource exhausted: /scratch/run3/ckpt/model.ckpt-1200_temp/part-00000-of-00001.data-00000-of-00001.tempstate8812")),
            C.DiskError, "disk-tf-resource-exhausted-status-names-a-file", "high", "checkpointing");
        yield return new("numpy-nan-video-frames-cast", Clean(
            "100%|██████████| 50/50 [00:41<00:00,  1.21it/s]",
            "/srv/app/.venv/lib/python3.11/site-packages/videogen/export.py:88: RuntimeWarning: invalid value encountered in cast",
            "  frames = (frames.clip(0, 1) * 255).astype(np.uint8)"),
            C.NumericalError, "numerical-nan-cast-to-integer", "medium");
        yield return new("deepspeed-launcher-kills-two-silent-ranks", new(null, [], [E(41, "['/opt/conda/bin/python', '-u', 'finetune.py', '--local_rank=1', '--deepspeed', 'ds_z3_offload.json'] exits with return code = -", ranks: [])], null)
        {
            Context =
            [
                new ContextLine(38, "[2024-05-02 10:11:12,001] [INFO] [launch.py:315:sigkill_handler] Killing subprocess 51234"),
                new ContextLine(39, "[2024-05-02 10:11:12,002] [INFO] [launch.py:315:sigkill_handler] Killing subprocess 51235"),
                new ContextLine(41, "[2024-05-02 10:11:13,410] [ERROR] [launch.py:321:sigkill_handler] ['/opt/conda/bin/python', '-u', 'finetune.py', '--local_rank=1', '--deepspeed', 'ds_z3_offload.json'] exits with return code = -"),
            ],
        }, C.HostOom, "host-oom-launcher-killed-silent-ranks", "medium");
        yield return new("lua-interpreter-not-enough-memory", Clean(
            "==> loading the dataset into memory: 2000000 samples",
            "/home/u/torch/install/bin/lua: not enough memory"),
            C.HostOom, "host-oom-interpreter-out-of-memory", "medium");
        yield return new("jax-pjrt-connect-barrier-timed-out", Clean(
            "E0412 08:01:02.123456  1193 coordination_service_agent.cc:332] Coordination agent is set to ERROR: DEADLINE_EXCEEDED: Barrier timed out. Id: PjRT_Client_Connect::0. # of tasks that reached the barrier: 15/16."),
            C.Timeout, "timeout-collective", "medium");
        yield return new("rocm-plugin-api-version-mismatch", In(Py("RuntimeError",
            "Unable to initialize backend 'rocm': INVALID_ARGUMENT: Mismatched PJRT plugin PJRT API version (0.47) and framework PJRT API version 0.54). (you may need to uninstall the failing plugin package, or set JAX_PLATFORMS=cpu to skip this backend.)")),
            C.DependencyError, "dependency-message", "high");
        yield return new("dataloader-worker-terminated-alone", In(Py("RuntimeError", "DataLoader worker (pid 31337) is killed by signal: Terminated. ",
            [Sp + "torch/utils/data/dataloader.py:_next_data", Sp + "torch/utils/data/_utils/signal_handling.py:handler"])),
            C.HostOom, "host-oom-dataloader-worker-killed", "medium", "data_loading");
        yield return new("tf-assign-copy-to-gpu-dst-not-initialized", In(Py("tensorflow.python.framework.errors_impl.InternalError",
            "Failed copying input tensor from /job:localhost/replica:0/task:0/device:CPU:0 to /job:localhost/replica:0/task:0/device:GPU:1 in order to run AssignVariableOp: Dst tensor is not initialized. [Op:AssignVariableOp]")),
            C.OomTraining, "gpu-oom", "high");
    }

    private static ClassificationInput Clean(params string[] lines) =>
        new(null, [], [], null) { Context = [.. lines.Select((l, i) => new ContextLine(100 + i, l))] };
}
