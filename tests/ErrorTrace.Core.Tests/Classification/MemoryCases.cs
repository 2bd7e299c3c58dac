using ErrorTrace.Core.Classification;
using static ErrorTrace.Core.Tests.Classification.T;
using C = ErrorTrace.Core.Classification.FailureCategory;

namespace ErrorTrace.Core.Tests.Classification;

/// <summary>GPU and host memory: oom_training, oom_eval, host_oom.</summary>
internal static class MemoryCases
{
    public static IEnumerable<ClassificationCase> All()
    {
        yield return new("hf-trainer-eval-oom", In(Py("torch.OutOfMemoryError", ModernOom, EvalLoop)),
            C.OomEval, "gpu-oom-eval", "high", "evaluation");
        yield return new("coref-cuda-error-oom-in-evaluate", In(Py("RuntimeError", "CUDA error: out of memory",
            ["./src/coref.py:<module>", "./src/coref.py:train", "./src/coref.py:evaluate", "./src/coref.py:<listcomp>", "./src/coref.py:predict",
             "/home/x/.local/lib/python3.6/site-packages/torch/nn/modules/module.py:__call__", "./src/coref.py:forward"])),
            C.OomEval, "gpu-oom-eval", "high", "evaluation");
        yield return new("czsl-oom-in-evaluate-predictions", In(Py("RuntimeError",
            "CUDA out of memory. Tried to allocate 4.18 GiB (GPU 0; 10.92 GiB total capacity; 4.68 GiB already allocated; 2.44 GiB free; 7.85 GiB reserved in total by PyTorch)",
            ["train.py:<module>", "train.py:main", "train.py:test", "/nfs/czsl/models/common.py:evaluate_predictions", "/nfs/czsl/models/common.py:score_fast_model"])),
            C.OomEval, "gpu-oom-eval", "high", "evaluation");
        yield return new("oom-wrapped-in-chain-during-eval", In(Py("RuntimeError", "Training failed",
            ["standalone_trainer.py:main"], chain:
            [new() { ExceptionType = "torch.OutOfMemoryError", ExceptionMessage = ModernOom, Frames = [.. EvalLoop.Select(F)], Relation = "context" }])),
            C.OomEval, "gpu-oom-eval", "high", "evaluation");
        yield return new("seed-oom-in-eval-record-phase", In(Py("torch.OutOfMemoryError", ModernOom,
            ["/home/u/standalone_trainer.py:main", "/home/u/standalone_trainer.py:run_benchmark_suite", Sp + "torch/nn/modules/module.py:_call_impl"], phase: "Eval")),
            C.OomEval, "gpu-oom-eval", "high", "evaluation");
        yield return new("sft-oom-in-backward", In(Py("torch.cuda.OutOfMemoryError",
            "CUDA out of memory. Tried to allocate 172.00 MiB (GPU 0; 23.69 GiB total capacity; 21.91 GiB already allocated; 115.06 MiB free; 22.71 GiB reserved in total by PyTorch) If reserved memory is >> allocated memory try setting max_split_size_mb to avoid fragmentation.",
            TrainStep, phase: "SFT")),
            C.OomTraining, "gpu-oom", "high", "training");
        yield return new("grpo-oom-in-generate-inside-training-step", In(Py("torch.OutOfMemoryError", ModernOom,
            ["train_grpo.py:main", Trainer + ":train", Trainer + ":_inner_training_loop", Trainer + ":training_step",
             Sp + "trl/extras/profiling.py:wrapper", Sp + "trl/trainer/grpo_trainer.py:_prepare_inputs",
             Sp + "trl/trainer/grpo_trainer.py:_generate_and_score_completions", Sp + "transformers/generation/utils.py:generate",
             Sp + "transformers/generation/utils.py:_sample"])),
            C.OomTraining, "gpu-oom", "high", "training");
        yield return new("oom-loading-model-in-trainer-init", In(Py("torch.OutOfMemoryError",
            "CUDA out of memory. Tried to allocate 250.00 MiB. GPU 0 has a total capacity of 15.77 GiB of which 101.12 MiB is free.",
            ["/home/u/standalone_trainer.py:main", "/home/u/standalone_trainer.py:__init__", Sp + "transformers/models/auto/auto_factory.py:from_pretrained",
             Sp + "transformers/modeling_utils.py:from_pretrained", Sp + "torch/nn/modules/module.py:to", Sp + "torch/nn/modules/module.py:convert"], phase: "Model")),
            C.OomTraining, "gpu-oom", "high", "initialization");
        yield return new("cublas-alloc-failed", In(Py("RuntimeError", "CUDA error: CUBLAS_STATUS_ALLOC_FAILED when calling `cublasCreate(handle)`", Forward)),
            C.OomTraining, "oom-cublas-alloc-failed", "medium", "training");
        yield return new("oom-caught-then-attributeerror-on-missing-grad", In(Py("AttributeError", "'NoneType' object has no attribute 'data'",
            ["train.py:main", "/work/fairseq/singleprocess_train.py:train", "/work/fairseq/fairseq/trainer.py:_backward_and_opt"], line: 30)) with
        {
            Context = [new ContextLine(10, "THCudaCheck FAIL file=/pytorch/aten/src/THC/generic/THCStorage.cu line=58 error=2 : out of memory"),
                new ContextLine(11, "| WARNING: ran out of memory, skipping batch")],
        },
            C.OomTraining, "gpu-oom-before-aftermath", "high");
        yield return new("ggml-device-buffer-then-server-segfault", In(Signal("SIGSEGV", "[1]    101687 segmentation fault (core dumped)  build/bin/llama-server -m model.gguf", line: 30)) with
        {
            Context = [new ContextLine(10, "ggml_gallocr_reserve_n: failed to allocate ROCm0 buffer of size 18035509504"),
                new ContextLine(11, "llama_new_context_with_model: failed to allocate compute buffers")],
        },
            C.OomEval, "gpu-oom-eval-before-aftermath", "high", "evaluation");

        yield return new("nvcc-cicc-killed-building-extension", In(Signal("SIGKILL", "nvcc error   : 'cicc' died due to signal 9 (Kill signal)", line: 30)) with
        {
            Context = [new ContextLine(31, "ninja: build stopped: subcommand failed.")],
        },
            C.HostOom, "host-oom-compiler-killed", "high", "initialization");

        yield return new("cppo-elastic-table-exitcode-9", In(ChildFailed(-9, "Signal 9 (SIGKILL) received by PID 14750")),
            C.HostOom, "host-oom-killed-signal", "medium");
        yield return new("signal-death-sigkill", In(Signal("SIGKILL", rank: 3)),
            C.HostOom, "host-oom-killed-signal", "medium");
        yield return new("slurm-oom-kill-event-with-sigkill-root",
            In(Signal("SIGKILL"), E(812, "slurmstepd: error: Detected 1 oom_kill event in StepId=11300781.0. Some of the step tasks have been OOM Killed.")),
            C.HostOom, "host-oom-kernel-log", "high");
        yield return new("cpu-allocator-cannot-allocate", In(Py("RuntimeError",
            "[enforce fail at alloc_cpu.cpp:83] err == 0. DefaultCPUAllocator: can't allocate memory: you tried to allocate 2147483648 bytes. Error code 12 (Cannot allocate memory)",
            [Sp + "transformers/modeling_utils.py:from_pretrained", Sp + "transformers/modeling_utils.py:_load_pretrained_model", Sp + "torch/serialization.py:load"])),
            C.HostOom, "host-oom-cpu-allocator", "high", "initialization");
        yield return new("python-memoryerror-in-preprocessing", In(Py("MemoryError", "", ["prep.py:main", "prep.py:build_examples"], phase: "PreTokenize")),
            C.HostOom, "host-oom-memoryerror", "medium", "data_loading");
        yield return new("dataloader-worker-killed", In(Py("RuntimeError", "DataLoader worker (pid 2817) is killed by signal: Killed.",
            [Trainer + ":_inner_training_loop", Sp + "torch/utils/data/dataloader.py:__next__", Sp + "torch/utils/data/_utils/signal_handling.py:handler"])),
            C.HostOom, "host-oom-dataloader-worker-killed", "medium", "data_loading");
        yield return new("ray-memory-monitor-killed-task", In(Py("ray.exceptions.OutOfMemoryError",
            "Task was killed due to the node running low on memory.\nMemory on the node (IP: 192.168.0.107, ID: fc2b) where the task (actor ID: f9cc, name=SimEnv.__init__, pid=4331, memory used=2.22GB) was running was 59.49GB / 62.58GB (0.950744), which exceeds the memory usage threshold of 0.95.",
            ["run_sim.py:<module>", "flingbot/utils.py:step_env", Sp + "ray/_private/client_mode_hook.py:wrapper", Sp + "ray/_private/worker.py:get"])),
            C.HostOom, "host-oom-ray-memory-monitor", "high");
        yield return new("colossalai-elastic-failed-exitcode-9-line", In(null,
            E(6, "failed (exitcode: -9) local_rank: 3 (pid: 812917) of binary: /data/envs/ColossalAI-Chat/bin/python"),
            E(3, "Sending process 812914 closing signal SIGTERM", "warning")),
            C.HostOom, "host-oom-killed-signal-logged", "medium");
        yield return new("summary-exit-code-137", Summary("Training process exited with code 137"),
            C.HostOom, "summary-killed", "low");
        yield return new("peer-killed-behind-elastic-exit-1", WithFailures(ChildFailed(1, "To enable traceback see: https://pytorch.org/docs/stable/elastic/errors.html"),
            Signal("SIGKILL", rank: 2, line: 20)),
            C.HostOom, "secondary-failure-killed", "low");
        yield return new("peer-oom-behind-elastic-exit-1", WithFailures(ChildFailed(1, "To enable traceback see: https://pytorch.org/docs/stable/elastic/errors.html"),
            Py("torch.OutOfMemoryError", ModernOom, TrainStep, rank: 1, line: 40)),
            C.OomTraining, "gpu-oom", "medium", "training");
        yield return new("seed-main-error-line-oom", In(null,
            E(1201, "Training failed with error: CUDA out of memory. Tried to allocate 2.00 GiB", phase: "Main")),
            C.OomTraining, "gpu-oom", "medium", "training");
        yield return new("eval-error-line-oom", In(null, E(900, "Evaluation failed: CUDA out of memory. Tried to allocate 1.50 GiB", phase: "Eval")),
            C.OomEval, "gpu-oom-eval", "medium", "evaluation");
        yield return new("summary-cuda-oom", Summary("CUDA out of memory"), C.OomTraining, "gpu-oom", "low");
    }
}
