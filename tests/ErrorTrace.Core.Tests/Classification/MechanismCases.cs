using ErrorTrace.Core.Classification;
using ErrorTrace.Core.Reports;
using static ErrorTrace.Core.Tests.Classification.T;
using C = ErrorTrace.Core.Classification.FailureCategory;

namespace ErrorTrace.Core.Tests.Classification;

/// <summary>
/// Failure mechanisms the real-log batches showed, each in wordings other than the batch's own (other libraries, other
/// issue threads), so a rule is held to the mechanism and not to one log's sentence: a checkpoint that does not fit
/// the model, corrupt inputs, NCCL's shared memory, stalls, NaN in progress lines, inference-only OOMs, chains whose
/// later exception is a cascade, lines near the death with no traceback at all.
/// </summary>
internal static class MechanismCases
{
    public static IEnumerable<ClassificationCase> All()
    {
        yield return new("state-dict-size-mismatch-other-model", In(Py("RuntimeError",
            "Error(s) in loading state_dict for InteractE:\n\tsize mismatch for conv_filt: copying a param with shape torch.Size([96, 1, 11, 11]) from checkpoint, the shape in current model is torch.Size([96, 1, 9, 9]).",
            ["test.py:<module>", "test.py:main", Sp + "torch/nn/modules/module.py:load_state_dict"])),
            C.ConfigError, "config-checkpoint-mismatch", "high", "initialization");
        yield return new("hf-ignore-mismatched-sizes-hint", In(Py("RuntimeError",
            "Error(s) in loading state_dict for BertForSequenceClassification:\n\tsize mismatch for classifier.weight: copying a param with shape torch.Size([2, 768]) from checkpoint, the shape in current model is torch.Size([5, 768]).\n\tYou may consider adding `ignore_mismatched_sizes=True` in the model `from_pretrained` method.",
            ["train.py:main", Sp + "transformers/modeling_utils.py:from_pretrained", Sp + "transformers/modeling_utils.py:_load_pretrained_model"])),
            C.ConfigError, "config-checkpoint-mismatch", "high", "initialization");
        yield return new("truncated-png-in-getitem", In(Py("OSError", "image file is truncated (7 bytes not processed)",
            ["train.py:<module>", "/work/data/dataset.py:__getitem__", Sp + "PIL/Image.py:convert", Sp + "PIL/ImageFile.py:load"])),
            C.DataError, "data-corrupt-input", "high", "data_loading");
        yield return new("unidentified-image-line", In(null,
            E(12, "PIL.UnidentifiedImageError: cannot identify image file '/data/train/img_0931.jpg'")),
            C.DataError, "data-corrupt-input", "medium", "data_loading");
        yield return new("nccl-shm-extend-failed-lines", In(null,
            E(40, "node-7:202016:202235 [0] misc/shmutils.cc:88 NCCL WARN Error: failed to extend /dev/shm/nccl-WU88OE to 9637892 bytes, error: No space left on device (28)"),
            E(41, "node-7:202016:202235 [0] misc/shmutils.cc:132 NCCL WARN Error while creating shared memory segment /dev/shm/nccl-WU88OE (size 9637888), error: No space left on device (28)")),
            C.DiskError, "shm-exhausted", "medium");
        yield return new("process-group-nccl-no-gpus", In(Py("RuntimeError", "ProcessGroupNCCL is only supported with GPUs, no GPUs found!",
            ["train.py:main", Sp + "torch/distributed/distributed_c10d.py:init_process_group", Sp + "torch/distributed/distributed_c10d.py:_new_process_group_helper"])),
            C.NcclError, "nccl-process-group-message", "high", "initialization");
        yield return new("nccl-comm-init-rank-failed-tf", In(Py("tensorflow.python.framework.errors_impl.UnknownError",
            "ncclCommInitRank failed: unhandled cuda error\n\t [[{{node DistributedAdamOptimizer_Allreduce/HorovodAllreduce_gradients_AddN_0}}]]",
            ["train.py:<module>", Sp + "tensorflow/python/client/session.py:_do_call"])),
            C.NcclError, "nccl-error", "high");
        yield return new("rendezvous-error-file-json", In(null,
            E(3, "{\n  \"message\": {\n    \"message\": \"RendezvousConnectionError: The connection to the C10d store has failed. See inner exception for details.\",")),
            C.NcclError, "nccl-rendezvous-text", "medium");
        yield return new("nccl-generic-abort-alone", In(null,
            E(90, "[rank3]:[E ProcessGroupNCCL.cpp:577] [Rank 3] Some NCCL operations have failed or timed out. Due to the asynchronous nature of CUDA kernels, subsequent GPU operations might run on corrupted/incomplete data.")),
            C.Timeout, "timeout-nccl-abort-generic", "medium", "monitoring");
        yield return new("nccl-generic-abort-after-remote-error", In(null,
            E(88, "[rank1]:[E ProcessGroupNCCL.cpp:1316] NCCL error: remote process exited or there was a network error, NCCL version 2.19.3\nncclRemoteError: A call failed possibly due to a network error or a remote process exiting prematurely."),
            E(90, "[rank1]:[E ProcessGroupNCCL.cpp:577] [Rank 1] Some NCCL operations have failed or timed out. Due to the asynchronous nature of CUDA kernels, subsequent GPU operations might run on corrupted/incomplete data.")),
            C.NcclError, "nccl-error", "medium");
        yield return new("horovod-stall-inspector-lines-only", Clean(
            "[2019-05-20 10:15:27.781437: W horovod/common/operations.cc:588] One or more tensors were submitted to be reduced, gathered or broadcasted by subset of ranks and are waiting for remainder of ranks for more than 60 seconds.",
            "Stalled ranks:",
            "0: [DistributedAdamOptimizer_Allreduce/HorovodAllreduce_gradients_dense_BiasAdd_grad_tuple_control_dependency_1_0]"),
            C.Timeout, "timeout-collective", "medium", "monitoring");
        yield return new("keras-epoch-loss-nan-lines-only", Clean(
            "Epoch 3/10",
            "1875/1875 [==============================] - 5s 3ms/step - loss: nan - accuracy: 0.0987 - val_loss: nan - val_accuracy: 0.0980"),
            C.NumericalError, "numerical-nan-loss", "medium");
        yield return new("yolo-loss-table-nan-row", Clean(
            "      Epoch    GPU_mem   box_loss   cls_loss   dfl_loss  Instances       Size",
            "     92/300        17G        nan        nan        nan          3        640: 100%|##########| 278/278 [02:11<00:00,  2.12it/s]"),
            C.NumericalError, "numerical-nan-loss", "medium");
        yield return new("deepspeed-loss-scale-stuck-at-floor", Clean(
            "[2021-11-27 00:36:54,800] [INFO] [stage2.py:1628:step] [deepscale] OVERFLOW! Rank 0 Skipping step. Attempted loss scale: 1, reducing to 1"),
            C.NumericalError, "numerical-loss-scale-minimum", "medium", "training");
        yield return new("apex-loss-scale-to-zero", Clean(
            "Gradient overflow.  Skipping step, loss scaler 0 reducing loss scale to 0.0"),
            C.NumericalError, "numerical-loss-scale-minimum", "medium", "training");
        yield return new("anomaly-mode-warning-before-nan", In(Py("", "", Forward), E(2,
            "/opt/conda/lib/python3.10/site-packages/torch/autograd/__init__.py:251: UserWarning: Error detected in MulBackward0. Traceback of forward call that caused the error:", "warning")),
            C.NumericalError, "numerical-anomaly-mode-warning", "medium", "training");
        yield return new("faulthandler-dump-without-header", Clean(
            "Current thread 0x00007f3a2c1ff700 (most recent call first):",
            "  File \"/usr/lib/python3.8/site-packages/h5py/_hl/files.py\", line 443 in close"),
            C.Segfault, "segfault-faulthandler-dump", "medium");
        yield return new("vllm-worker-oom-is-inference", In(Py("torch.OutOfMemoryError",
            "CUDA out of memory. Tried to allocate 1.74 GiB. GPU 0 has a total capacity of 15.48 GiB of which 953.94 MiB is free.",
            [Sp + "vllm/worker/worker_base.py:execute_method", Sp + "vllm/worker/worker.py:determine_num_available_blocks",
             Sp + "vllm/worker/model_runner.py:profile_run", Sp + "torch/nn/modules/module.py:_call_impl"])),
            C.OomEval, "gpu-oom-eval", "high", "evaluation");
        yield return new("jax-filtered-oom-in-generate-call", In(Py("jaxlib.xla_extension.XlaRuntimeError",
            "RESOURCE_EXHAUSTED: Out of memory while trying to allocate 6.47GiB.",
            ["sample.py:<module>", "sample.py:main", "sample.py:__call__"]) with
        {
            Frames = [F("sample.py:<module>"), F("sample.py:main"), new TracebackFrame { File = "sample.py", Function = "__call__", Line = 230, Code = "output, self.rng = self._forward_generate(" }],
        }),
            C.OomEval, "gpu-oom-eval", "high", "evaluation");
        yield return new("tpu-hbm-oom-in-train-step", In(Py("jaxlib.xla_extension.XlaRuntimeError",
            "RESOURCE_EXHAUSTED: XLA:TPU compile permanent error. Ran out of memory in memory space hbm. Used 21.90G of 7.48G hbm.",
            ["train.py:main", "/work/trainer.py:train", "/work/trainer.py:train_step"])),
            C.OomTraining, "gpu-oom", "high", "training");
        yield return new("tf-resource-exhausted-by-type", In(Py("tensorflow.python.framework.errors_impl.ResourceExhaustedError",
            "Graph execution error:\n\nDetected at node 'model/conv2d/Conv2D' defined at (most recent call last):",
            ["train.py:<module>", Sp + "keras/engine/training.py:fit", Sp + "tensorflow/python/eager/execute.py:quick_execute"])),
            C.OomTraining, "gpu-oom", "high", "training");
        yield return new("lightning-validation-bar-before-elided-oom", In(Py("RuntimeError", "CUDA error: out of memory",
            ["train.py:<module>"], line: 500) with
        { FirstLine = 498 }) with
        {
            Context = [new ContextLine(490, "Epoch 0: 100%|##########| 32/32 [00:41<00:00, v_num=3, train_loss=0.898]"),
                       new ContextLine(495, "Validation DataLoader 0:   3%|3         | 1/32 [00:01<00:46,  1.50s/it]")],
        },
            C.OomEval, "gpu-oom-eval", "high", "evaluation");
        yield return new("lsf-run-limit-line", In(null, E(91, "TERM_RUNLIMIT: job killed after reaching LSF run time limit.")),
            C.Timeout, "timeout-scheduler-time-limit", "medium");
        yield return new("read-only-fs-in-save", In(Py("OSError", "[Errno 30] Read-only file system: '/opt/ml/model/checkpoint-500'", SaveCheckpoint)),
            C.DiskError, "disk-full", "high", "checkpointing");
        // A child killed by SIGBUS (-7) on Linux is shared memory the file system could not back (shm-bus-error-death).
        yield return new("elastic-exitcode-7-sigbus", In(ChildFailed(-7, "To enable traceback see: https://pytorch.org/docs/stable/elastic/errors.html")),
            C.DiskError, "shm-bus-error-death", "high");
        yield return new("cascade-nameerror-after-data-keyerror", In(Py("NameError", "name 'trainer' is not defined", ["main.py:<module>"], chain:
            [new() { ExceptionType = "KeyError", ExceptionMessage = "'caption'", Frames = [F("main.py:<module>"), F("/work/ldm/data/coco.py:__getitem__")], Relation = "context" }])),
            C.DataError, "data-bad-sample-in-getitem", "medium", "data_loading");
        yield return new("import-error-under-failed-to-import-wrapper", In(Py("RuntimeError",
            "Failed to import transformers.models.llama.modeling_llama because of the following error (look up to see its traceback):\nNo module named 'flash_attn'",
            ["train.py:<module>", Sp + "transformers/utils/import_utils.py:__getattr__"], chain:
            [new() { ExceptionType = "ModuleNotFoundError", ExceptionMessage = "No module named 'flash_attn'", Frames = [F(Sp + "transformers/utils/import_utils.py:_get_module")], Relation = "cause" }])),
            C.DependencyError, "dependency-import-error", "high", "initialization");
        yield return new("module-not-found-line-near-the-death", Clean("ModuleNotFoundError: No module named 'lit_gpt'"),
            C.DependencyError, "dependency-message", "medium");
    }

    /// <summary>A log with no traceback and no error record: only the lines near the death say what happened.</summary>
    private static ClassificationInput Clean(params string[] lines) =>
        new(null, [], [], null) { Context = [.. lines.Select((l, i) => new ContextLine(100 + i, l))] };
}
