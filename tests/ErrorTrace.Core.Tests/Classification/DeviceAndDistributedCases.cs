using static ErrorTrace.Core.Tests.Classification.T;
using C = ErrorTrace.Core.Classification.FailureCategory;

namespace ErrorTrace.Core.Tests.Classification;

/// <summary>cuda_error, nccl_error and timeout.</summary>
internal static class DeviceAndDistributedCases
{
    private const string ElasticHint = "To enable traceback see: https://pytorch.org/docs/stable/elastic/errors.html";

    private const string Watchdog =
        "[PG 3 Rank 5] Process group watchdog thread terminated with exception: [Rank 5] Watchdog caught collective operation timeout: " +
        "WorkNCCL(SeqNum=9141, OpType=_ALLGATHER_BASE, NumelIn=19008, NumelOut=152064, Timeout(ms)=600000) ran for 600020 milliseconds before timing out.";

    public static IEnumerable<ClassificationCase> All()
    {
        yield return new("device-side-assert-in-loss", In(Py("RuntimeError", "CUDA error: device-side assert triggered" + CudaAsyncNote, Forward)),
            C.CudaError, "cuda-device-side-assert", "high", "training");
        yield return new("illegal-memory-access-in-flash-attn", In(Py("RuntimeError", "CUDA error: an illegal memory access was encountered" + CudaAsyncNote,
            [.. Forward, Sp + "flash_attn/flash_attn_interface.py:forward", Sp + "flash_attn/flash_attn_interface.py:_flash_attn_varlen_forward"])),
            C.CudaError, "cuda-illegal-memory-access", "high", "training");
        yield return new("ecc-error", In(Py("RuntimeError", "CUDA error: uncorrectable ECC error encountered" + CudaAsyncNote, TrainStep)),
            C.CudaError, "cuda-hardware-fault", "high", "training");
        yield return new("unspecified-launch-failure", In(Py("torch.AcceleratorError", "CUDA error: unspecified launch failure" + CudaAsyncNote, Forward)),
            C.CudaError, "cuda-hardware-fault", "high");
        yield return new("no-kernel-image", In(Py("RuntimeError", "CUDA error: no kernel image is available for execution on the device" + CudaAsyncNote,
            ["train.py:main", Sp + "torch/nn/modules/module.py:to"])),
            C.CudaError, "cuda-driver-or-arch-mismatch", "high");
        yield return new("cublas-execution-failed", In(Py("RuntimeError",
            "CUDA error: CUBLAS_STATUS_EXECUTION_FAILED when calling `cublasGemmEx( handle, opa, opb, m, n, k, &falpha, a, CUDA_R_16F, lda, b, CUDA_R_16F, ldb, &fbeta, c, CUDA_R_16F, ldc, CUDA_R_32F, CUBLAS_GEMM_DEFAULT_TENSOR_OP)`",
            Forward)),
            C.CudaError, "cuda-library-error", "medium");
        yield return new("cudnn-internal-error", In(Py("RuntimeError", "cuDNN error: CUDNN_STATUS_INTERNAL_ERROR", Forward)),
            C.CudaError, "cuda-library-error", "medium");
        yield return new("cuda-invalid-argument", In(Py("RuntimeError", "CUDA error: invalid argument" + CudaAsyncNote, Forward)),
            C.CudaError, "cuda-error-generic", "medium");
        yield return new("c10-abort-line-with-cuda-error", In(null,
            E(77, "terminate called after throwing an instance of 'c10::Error'\n  what():  CUDA error: an illegal memory access was encountered")),
            C.CudaError, "cuda-illegal-memory-access", "medium");

        yield return new("dist-backend-error-system-error", In(Py("torch.distributed.DistBackendError",
            "NCCL error in: ../torch/csrc/distributed/c10d/ProcessGroupNCCL.cpp:1970, unhandled system error (run with NCCL_DEBUG=INFO for details), NCCL version 2.19.3\n" +
            "ncclSystemError: System call (e.g. socket, malloc) or external library call failed or device error. \nLast error:\n" +
            "socketStartConnect: Connect to 10.0.0.2<45678> failed : Software caused connection abort",
            ["train.py:main", Sp + "torch/distributed/c10d_logger.py:wrapper", Sp + "torch/distributed/distributed_c10d.py:barrier"])),
            C.NcclError, "nccl-backend-error", "high");
        yield return new("nccl-unhandled-cuda-error-old-torch", In(Py("RuntimeError",
            "NCCL error in: /opt/pytorch/pytorch/torch/csrc/distributed/c10d/ProcessGroupNCCL.cpp:47, unhandled cuda error, NCCL version 2.7.8\nncclUnhandledCudaError: Call to CUDA function failed.",
            ["train.py:main", Sp + "torch/nn/parallel/distributed.py:__init__"])),
            C.NcclError, "nccl-error", "high");
        yield return new("rendezvous-connection-error", In(Py("torch.distributed.elastic.rendezvous.api.RendezvousConnectionError",
            "The connection to the C10d store has failed. See inner exception for details.",
            [.. LauncherFrames, Sp + "torch/distributed/elastic/rendezvous/c10d_rendezvous_backend.py:_call_store"])),
            C.NcclError, "nccl-rendezvous-or-store", "high");
        yield return new("gloo-connection-closed-by-peer", In(Py("RuntimeError",
            "[../third_party/gloo/gloo/transport/tcp/pair.cc:598] Connection closed by peer [172.17.0.2]:26151",
            ["train.py:main", Sp + "torch/distributed/distributed_c10d.py:all_reduce"])),
            C.NcclError, "nccl-peer-connection-lost", "medium");
        yield return new("nccl-internal-error-line", In(null, E(55, "ncclInternalError: Internal check failed. Last error: Proxy Call to rank 0 failed (Connect)")),
            C.NcclError, "nccl-error", "medium");

        yield return new("watchdog-abort-is-root", In(Py("c10::DistBackendError", Watchdog, kind: "cpp", rank: 5)),
            C.Timeout, "timeout-collective", "high", "monitoring");
        yield return new("dist-store-socket-timeout", In(Py("torch.distributed.DistStoreError", "Socket Timeout",
            [.. LauncherFrames, Sp + "torch/distributed/elastic/rendezvous/api.py:next_rendezvous"])),
            C.Timeout, "timeout-barrier-or-store", "high");
        yield return new("monitored-barrier-timeout", In(Py("RuntimeError", "Rank 1 failed to pass monitoredBarrier in 1800000 ms",
            ["train.py:main", Sp + "torch/distributed/distributed_c10d.py:monitored_barrier"])),
            C.Timeout, "timeout-barrier-or-store", "high");
        yield return new("python-timeout-error", In(Py("TimeoutError", "Waited 600s for the reward server", ["rl.py:main", "rl.py:score"])),
            C.Timeout, "timeout-generic", "medium");
        yield return new("c10d-store-port-in-use-old-torch", In(Py("RuntimeError",
            "The server socket has failed to listen on any local network address. The server socket has failed to bind to [::]:44796 (errno: 98 - Address already in use).",
            ["mnist_cnn.py:setup", Sp + "torch/distributed/distributed_c10d.py:init_process_group", Sp + "torch/distributed/rendezvous.py:_create_c10d_store"])),
            C.NcclError, "nccl-store-socket-failed", "high");
        yield return new("slurm-step-cancelled-time-limit", In(Signal("SIGTERM",
            "slurmstepd: error: *** STEP 32233190.0 ON nid01934 CANCELLED AT 2020-07-03T02:59:56 DUE TO TIME LIMIT ***")),
            C.Timeout, "timeout-scheduler-time-limit", "high");
        yield return new("watchdog-lines-only", In(null,
            E(120, "[rank0]:[E321 02:07:08.408271257 ProcessGroupNCCL.cpp:607] [Rank 0] Watchdog caught collective operation timeout: WorkNCCL(SeqNum=1580, OpType=ALLREDUCE, NumelIn=466119168, NumelOut=466119168, Timeout(ms)=600000) ran for 600060 milliseconds before timing out.", ranks: 0)),
            C.Timeout, "timeout-collective", "medium", "monitoring");
        yield return new("watchdog-cpp-frames-only", In(null,
            E(2, "frame #1: c10d::ProcessGroupNCCL::WorkNCCL::checkTimeout(std::optional<std::chrono::duration<long, std::ratio<1l, 1000l> > >) + 0x1d2"),
            E(9, "Exception raised from ncclCommWatchdog at ../torch/csrc/distributed/c10d/ProcessGroupNCCL.cpp:1521 (most recent call first):")),
            C.Timeout, "errors-watchdog-cpp-frames", "low", "monitoring");
        yield return new("peer-watchdog-behind-elastic-exit-1", WithFailures(ChildFailed(1, ElasticHint), Py("c10::DistBackendError", Watchdog, kind: "cpp", line: 30)),
            C.Timeout, "secondary-failure-watchdog-timeout", "low", "monitoring");
        yield return new("summary-no-progress", Summary("Training timed out - no progress updates for 30 minutes"),
            C.Timeout, "summary-no-progress-timeout", "medium", "monitoring");
    }
}
