using System.Globalization;
using System.Text;

namespace ErrorTrace.Server.Demo;

/// <summary>Writes log lines in the seed trainer's format (<c>[ts] [module] [LEVEL] [Phase] message</c>) with a clock
/// that advances as the job runs, plus raw lines (tracebacks, launcher output) as processes print them.</summary>
internal sealed class DemoLogBuilder(DateTime start)
{
    private readonly StringBuilder _text = new();

    public DateTime Now { get; private set; } = start;

    public DemoLogBuilder Advance(TimeSpan by)
    {
        Now += by;
        return this;
    }

    public DemoLogBuilder Record(string level, string phase, string message, string module = "__main__")
    {
        _text.Append(CultureInfo.InvariantCulture, $"[{Now:yyyy-MM-dd HH:mm:ss}] [{module}] [{level}] [{phase}] {message}\n");
        return this;
    }

    public DemoLogBuilder Raw(string lines)
    {
        _text.Append(lines.ReplaceLineEndings("\n"));
        if (!lines.EndsWith('\n')) _text.Append('\n');
        return this;
    }

    /// <summary>The usual start of a job: config, model and data loading.</summary>
    public DemoLogBuilder Preamble(string model, int gpus)
    {
        Record("INFO", "Main", $"Starting training job on {gpus} GPU(s), model={model}");
        Record("INFO", "Main", "Config: lr=2e-05 epochs=3 per_device_train_batch_size=8 gradient_accumulation_steps=4 bf16=True max_seq_length=4096");
        Record("INFO", "Model", $"Loading tokenizer and model from {model}");
        Advance(TimeSpan.FromSeconds(41));
        Record("INFO", "Model", "Model loaded: 7.24B parameters, 40.0M trainable (LoRA r=16, alpha=32)");
        Record("WARNING", "Model", "`use_cache=True` is incompatible with gradient checkpointing. Setting `use_cache=False`.", "transformers.modeling_utils");
        Record("INFO", "PreTokenize", "Tokenizing 52,002 conversations with 8 workers");
        Advance(TimeSpan.FromSeconds(73));
        Record("INFO", "PreTokenize", "Tokenized 52,002 conversations (0 skipped), 61.3M tokens");
        return this;
    }

    /// <summary>Training steps with loss lines, tqdm bars and a repeated warning.</summary>
    public DemoLogBuilder Steps(int from, int to, int total)
    {
        for (var step = from; step <= to; step++)
        {
            Advance(TimeSpan.FromSeconds(3.2));
            if (step % 10 == 0)
            {
                var loss = 2.1 * Math.Exp(-step / 400.0) + 0.45;
                Record("INFO", "SFT", string.Create(CultureInfo.InvariantCulture, $"Step {step}/{total} | loss {loss:F4} | lr {2e-5 * (1 - step / (double)total):E2} | grad_norm {0.9 + (step % 7) / 10.0:F2} | tokens/s 18432"));
            }

            if (step % 50 == 0)
                _text.Append(CultureInfo.InvariantCulture, $"{100 * step / total,3}%|████▌     | {step}/{total} [{step * 3 / 60:D2}:{step * 3 % 60:D2}<{(total - step) * 3 / 60:D2}:00,  3.20s/it]\n");
            if (step % 200 == 0)
                Record("WARNING", "SFT", "torch.utils.checkpoint: the use_reentrant parameter should be passed explicitly.", "py.warnings");
        }

        return this;
    }

    /// <summary>
    /// torchrun's last words when a worker died of a signal: its own traceback ending in <c>ChildFailedError</c>, whose
    /// message is the table naming the root cause (<c>torch/distributed/elastic/multiprocessing/errors/__init__.py</c>).
    /// <paramref name="throughRun"/> adds the <c>run.py</c> frame that torchrun's entry point goes through.
    /// </summary>
    public DemoLogBuilder ChildFailed(string torch, string script, string host, int rank, int pid, int signal, string signalName, bool throughRun)
    {
        var run = throughRun ? $"  File \"{torch}/distributed/run.py\", line 892, in main\n    run(args)\n" : "";
        return Raw($"""
            Traceback (most recent call last):
              File "/usr/local/bin/torchrun", line 8, in <module>
                sys.exit(main())
                         ^^^^^^
            {run}  File "{torch}/distributed/launcher/api.py", line 263, in launch_agent
                raise ChildFailedError(
            torch.distributed.elastic.multiprocessing.errors.ChildFailedError:
            ============================================================
            {script} FAILED
            ------------------------------------------------------------
            Failures:
              <NO_OTHER_FAILURES>
            ------------------------------------------------------------
            Root Cause (first observed failure):
            [0]:
              time      : {Now:yyyy-MM-dd_HH:mm:ss}
              host      : {host}
              rank      : {rank} (local_rank: {rank})
              exitcode  : -{signal} (pid: {pid})
              error_file: <N/A>
              traceback : Signal {signal} ({signalName}) received by PID {pid}
            ============================================================
            """);
    }

    public override string ToString() => _text.ToString();
}
