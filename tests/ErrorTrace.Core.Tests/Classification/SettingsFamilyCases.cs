using ErrorTrace.Core.Classification;
using ErrorTrace.Core.Reports;
using static ErrorTrace.Core.Tests.Classification.T;
using C = ErrorTrace.Core.Classification.FailureCategory;

namespace ErrorTrace.Core.Tests.Classification;

/// <summary>
/// The settings families written from the k batches' misses: a launcher that got SIGHUP, DataLoader workers out of
/// file descriptors, a batch or step count derived from the settings that came out zero, more GPUs configured than
/// available, a dataset subset that does not exist, and checkpoint shapes in Keras', TensorFlow's and accelerate's words.
/// Wordings from other programs and releases than the corpus logs.
/// </summary>
internal static class SettingsFamilyCases
{
    public static IEnumerable<ClassificationCase> All()
    {
        yield return new("torchrun-signal-exception-hangup", In(Py("torch.distributed.elastic.multiprocessing.api.SignalException", "Process 31337 got signal: 1",
            ["/opt/conda/bin/torchrun:<module>", Sp + "torch/distributed/elastic/agent/server/api.py:_invoke_run", Sp + "torch/distributed/elastic/multiprocessing/api.py:_terminate_process_handler"])),
            C.ConfigError, "config-launcher-hangup", "medium");
        yield return new("elastic-agent-hangup-line", Context("[2025-02-01 10:00:00,000] torch.distributed.elastic.agent.server.api: [WARNING] Received 1 death signal, shutting down workers"),
            C.ConfigError, "config-launcher-hangup", "medium");
        yield return new("dataloader-out-of-descriptors", In(Py("RuntimeError", "received 0 items of ancdata",
            ["train.py:main", Sp + "torch/utils/data/dataloader.py:__next__", Sp + "torch/multiprocessing/reductions.py:rebuild_storage_fd", "/usr/lib/python3.10/multiprocessing/reduction.py:recvfds"])),
            C.ConfigError, "config-file-descriptor-sharing", "high", "data_loading");
        yield return new("warmup-leaves-zero-decay-steps", In(Py("ZeroDivisionError", "float division by zero") with
        {
            Frames = [F("train.py:main"), new() { File = "/home/u/proj/sched.py", Function = "lr_lambda", Line = 31, Code = "progress = (step - args.warmup_steps) / (args.max_steps - args.warmup_steps)" }],
        }), C.ConfigError, "config-count-derived-from-settings-is-zero", "medium");
        yield return new("batch-larger-than-dataset-empty-loader", In(Py("ZeroDivisionError", "division by zero") with
        {
            Frames = [F("train.py:main"), new() { File = "/home/u/proj/engine.py", Function = "train_one_epoch", Line = 88, Code = "avg_loss = running_loss / len(train_loader)" }],
        }), C.ConfigError, "config-count-derived-from-settings-is-zero", "medium");
        yield return new("more-devices-requested-than-visible", In(Py("ValueError", "Trainer requested 8 devices but only 4 are visible to this process",
            ["main.py:main", "/home/u/proj/setup.py:build_trainer"])),
            C.ConfigError, "config-more-devices-than-available", "high", "initialization");
        yield return new("datasets-config-name-missing", In(Py("ValueError", "Config name is missing.\nPlease pick one among the available configs: ['en', 'de', 'fr']",
            ["eval.py:main", Sp + "datasets/load.py:load_dataset", Sp + "datasets/builder.py:_create_builder_config"])),
            C.ConfigError, "config-dataset-config-name-unknown", "high", "initialization");
        yield return new("keras-saved-weight-shape", In(Py("ValueError",
            "Layer #0 (named \"conv2d\"), weight <tf.Variable 'conv2d/kernel:0' shape=(3, 3, 3, 32) dtype=float32> has shape (3, 3, 3, 32), but the saved weight has shape (32, 3, 3, 3).",
            ["predict.py:<module>", Sp + "keras/engine/training.py:load_weights", Sp + "keras/saving/hdf5_format.py:load_weights_from_hdf5_group"])),
            C.ConfigError, "config-checkpoint-mismatch", "high", "initialization");
        yield return new("accelerate-set-tensor-shape-line", Context("ValueError: Trying to set a tensor of shape torch.Size([32000, 4096]) in \"weight\" (which has shape torch.Size([32001, 4096])), this look incorrect."),
            C.ConfigError, "config-checkpoint-mismatch", "medium", "initialization");
        yield return new("yaml-tab-in-a-hydra-config", In(Py("yaml.scanner.ScannerError",
            "while scanning for the next token\nfound character '\\t' that cannot start any token\n  in \"conf/train.yaml\", line 7, column 1",
            ["train.py:<module>", Sp + "hydra/main.py:decorated_main", Sp + "yaml/scanner.py:fetch_more_tokens"])),
            C.ConfigError, "config-file-does-not-parse", "high", "initialization");
        yield return new("toml-package-plain-valueerror", In(Py("ValueError", "Reserved escape sequence used",
            ["train_network.py:<module>", "/home/u/sd-scripts/library/config_util.py:load_user_config", Sp + "toml/decoder.py:loads", Sp + "toml/decoder.py:load_value"])),
            C.ConfigError, "config-file-does-not-parse-in-the-parser", "high", "initialization");
        yield return new("yaml-parser-words-without-a-type", Context("  could not find expected ':'"),
            C.ConfigError, "config-file-does-not-parse-wording", "medium", "initialization");
        yield return new("hydra-instantiate-wrapping-an-omegaconf-error", Context("Error in call to target 'proj.data.AudioDataset': ConfigAttributeError('Missing key sample_rate\\n    full_key: sample_rate\\n    object_type=dict')"),
            C.ConfigError, "config-schema-rejected-wording", "medium", "initialization");
    }

    private static ClassificationInput Context(string line) => new(null, [], [], null) { Context = [new ContextLine(1, line)] };
}
