using static ErrorTrace.Core.Tests.Classification.T;
using C = ErrorTrace.Core.Classification.FailureCategory;

namespace ErrorTrace.Core.Tests.Classification;

/// <summary>disk_error, numerical_error, segfault, user_code and unknown.</summary>
internal static class CrashAndCodeCases
{
    private const string ElasticHint = "To enable traceback see: https://pytorch.org/docs/stable/elastic/errors.html";

    public static IEnumerable<ClassificationCase> All()
    {
        yield return new("no-space-in-save-pretrained", In(Py("OSError", "[Errno 28] No space left on device", SaveCheckpoint[..8])),
            C.DiskError, "disk-full", "high", "checkpointing");
        yield return new("stream-writer-failed-in-torch-save", In(Py("RuntimeError",
            "[enforce fail at inline_container.cc:595] . PytorchStreamWriter failed writing file data/164: file write failed", SaveCheckpoint)),
            C.DiskError, "disk-full", "high", "checkpointing");
        yield return new("quota-exceeded-in-datasets-cache", In(Py("OSError", "[Errno 122] Disk quota exceeded", [.. s_datasets])),
            C.DiskError, "disk-full", "high", "data_loading");
        yield return new("shm-bus-error", In(Py("RuntimeError",
            "DataLoader worker (pid 46794) is killed by signal: Bus error. It is possible that dataloader's workers are out of shared memory. Please try to raise your shared memory limit.",
            [Sp + "torch/utils/data/dataloader.py:_try_get_data", Sp + "torch/utils/data/_utils/signal_handling.py:handler"])),
            C.DiskError, "shm-exhausted", "high", "data_loading");
        yield return new("shm-torch-file-enospc", In(Py("RuntimeError", "unable to write to file </torch_18692_1954506624>: No space left on device (28)",
            [Sp + "torch/multiprocessing/reductions.py:reduce_storage"])),
            C.DiskError, "shm-exhausted", "high", "data_loading");
        yield return new("permission-denied-saving-checkpoint", In(Py("PermissionError", "[Errno 13] Permission denied: '/models/output/checkpoint-500'",
            [.. SaveCheckpoint[..5], "/usr/lib/python3.10/os.py:makedirs"])),
            C.DiskError, "disk-checkpoint-write-failed", "medium", "checkpointing");
        yield return new("ronin-torch-save-cannot-be-opened", In(Py("RuntimeError", "File my_out/checkpoints/checkpoint_0.pt cannot be opened.",
            ["/ronin/source/ronin_resnet.py:<module>", "/ronin/source/ronin_resnet.py:train", "/opt/py397/lib/python3.9/site-packages/torch/serialization.py:save",
             "/opt/py397/lib/python3.9/site-packages/torch/serialization.py:_open_zipfile_writer", "/opt/py397/lib/python3.9/site-packages/torch/serialization.py:__init__"])),
            C.DiskError, "disk-torch-save-io-failure", "medium", "checkpointing");
        yield return new("tf-saver-resource-exhausted-tempstate", In(Py("ResourceExhaustedError",
            "./model/model-49.tempstate5787507096018461664\n\t [[Node: save/save = SaveSlices[T=[DT_FLOAT, DT_FLOAT], _device=\"/job:localhost/replica:0/task:0/cpu:0\"]]]",
            ["train.py:<module>", "train.py:train", "/usr/local/lib/python2.7/dist-packages/tensorflow/python/training/saver.py:save",
             "/usr/local/lib/python2.7/dist-packages/tensorflow/python/client/session.py:_do_call"])),
            C.DiskError, "disk-tf-resource-exhausted-writing-file", "high", "checkpointing");
        yield return new("no-space-line", In(null, E(70, "Error saving checkpoint: [Errno 28] No space left on device")),
            C.DiskError, "disk-full", "medium");

        yield return new("detect-anomaly-nan", In(Py("RuntimeError", "Function 'LogSoftmaxBackward0' returned nan values in its 0th output.", TrainStep)),
            C.NumericalError, "numerical-anomaly-nan-backward", "high", "training");
        yield return new("deepspeed-loss-scale-minimum", In(Py("Exception", "Current loss scale already at minimum - cannot decrease scale anymore. Exiting run.",
            [.. TrainStep[..5], Sp + "deepspeed/runtime/fp16/loss_scaler.py:update_scale"])),
            C.NumericalError, "numerical-loss-scale-minimum", "high", "training");
        yield return new("detectron-floating-point-error", In(Py("FloatingPointError",
            "Loss became infinite or NaN at iteration=1234!\nloss_dict = {'loss_cls': nan, 'loss_box_reg': nan}",
            ["train_net.py:main", Sp + "detectron2/engine/train_loop.py:train", Sp + "detectron2/engine/train_loop.py:_write_metrics"])),
            C.NumericalError, "numerical-floating-point-error", "high", "training");
        yield return new("clip-grad-non-finite", In(Py("RuntimeError",
            "The total norm of order 2.0 for gradients from `parameters` is non-finite, so it cannot be clipped. To disable this error and scale the gradients by the non-finite norm anyway, set `error_if_nonfinite=False`",
            [.. TrainStep[..5], Sp + "torch/nn/utils/clip_grad.py:clip_grad_norm_"])),
            C.NumericalError, "numerical-nan-loss", "medium", "training");
        yield return new("user-assert-loss-is-nan", In(Py("AssertionError", "loss is nan at step 812", ["train.py:main", "train.py:train_one_epoch"])),
            C.NumericalError, "numerical-nan-loss", "medium", "training");
        yield return new("tf-nan-in-summary-histogram", In(Py("tensorflow.python.framework.errors_impl.InvalidArgumentError",
            "Nan in summary histogram for: ModelVars/FeatureExtractor/MobilenetV1/Conv2d_13_pointwise/BatchNorm/moving_variance",
            [Sp + "tensorflow/python/training/coordinator.py:stop_on_exception", Sp + "tensorflow/python/training/supervisor.py:run_loop", Sp + "tensorflow/python/client/session.py:_do_call"])),
            C.NumericalError, "numerical-tensor-check-nan", "high");
        yield return new("nan-loss-line", In(null, E(4400, "Loss is NaN at step 1200, stopping", phase: "SFT")),
            C.NumericalError, "numerical-nan-loss", "medium", "training");

        yield return new("faulthandler-segfault", In(Py("Fatal Python error", "Segmentation fault",
            [Sp + "torch/nn/modules/module.py:_call_impl", Sp + "bitsandbytes/functional.py:dequantize_4bit"], kind: "faulthandler")),
            C.Segfault, "segfault-signal-or-faulthandler", "high");
        yield return new("signal-death-sigsegv", In(Signal("SIGSEGV", rank: 0)),
            C.Segfault, "segfault-signal-or-faulthandler", "high");
        yield return new("elastic-table-sigsegv", In(ChildFailed(-11, "Signal 11 (SIGSEGV) received by PID 1234")),
            C.Segfault, "segfault-signal-or-faulthandler", "high");
        yield return new("launcher-called-process-error-11", In(Py("subprocess.CalledProcessError",
            "Command '['/usr/bin/python3', '-u', 'train.py', '--local_rank=0']' returned non-zero exit status -11.",
            [Sp + "deepspeed/launcher/launch.py:main"])),
            C.Segfault, "segfault-exit-code", "medium");
        yield return new("shell-segfault-line", In(null, E(88, "Segmentation fault (core dumped)")),
            C.Segfault, "segfault-signal-or-faulthandler", "medium");
        yield return new("sigabrt-without-reason", In(Signal("SIGABRT", "Fatal Python error: Aborted")),
            C.Segfault, "native-abort-sigabrt", "low");
        yield return new("peer-segfault-behind-elastic-exit-1", WithFailures(ChildFailed(1, ElasticHint), Signal("SIGSEGV", rank: 3, line: 12)),
            C.Segfault, "secondary-failure-segfault", "low");
        yield return new("summary-exit-139", Summary("Training process exited with code 139"),
            C.Segfault, "secondary-failure-segfault", "low");

        yield return new("name-error-in-script", In(Py("NameError", "name 'tokenzier' is not defined", ["train.py:<module>", "train.py:main", "train.py:build_dataset"])),
            C.UserCode, "user-code-name-or-syntax", "high");
        yield return new("keyerror-in-compute-metrics", In(Py("KeyError", "'rougeL'",
            [.. EvalLoop[..8], Sp + "transformers/trainer.py:evaluation_loop", "/work/metrics.py:compute_metrics"])),
            C.UserCode, "user-code-builtin-in-user-frame", "medium", "evaluation");
        yield return new("typeerror-generic-keyword-in-script", In(Py("TypeError", "collate() got an unexpected keyword argument 'max_len'",
            ["train.py:main", "train.py:make_batches"])),
            C.UserCode, "user-code-builtin-in-user-frame", "medium");
        yield return new("attributeerror-inside-library", In(Py("AttributeError", "'NoneType' object has no attribute 'shape'", Forward)),
            C.UserCode, "user-code-builtin-in-library", "low", "training");

        yield return new("device-mismatch-runtime-error", In(Py("RuntimeError",
            "Expected all tensors to be on the same device, but found at least two devices, cuda:0 and cpu!", Forward)),
            C.UserCode, "user-code-device-mismatch", "high", "training");
        yield return new("unrecognised-runtime-error", In(Py("RuntimeError", "custom_op_wrapper returned an invalid handle", Forward)),
            C.Unknown, null, "low", "training");
        yield return new("error-line-without-pattern", In(null, E(10, "Training failed: see above", phase: "Main")),
            C.Unknown, null, "low", "unknown");
        yield return new("summary-exit-code-1", Summary("Training process exited with code 1"), C.Unknown, null, "low", "unknown");
    }

    private static readonly string[] s_datasets =
    [
        "train.py:main", Sp + "datasets/load.py:load_dataset", Sp + "datasets/builder.py:download_and_prepare", Sp + "datasets/arrow_writer.py:write_table",
    ];
}
