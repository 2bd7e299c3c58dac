namespace ErrorTrace.Benchmarks.Corpus;

/// <summary>The training loop's output, one step at a time: a tqdm update (no newline), then every
/// <see cref="LogShape.StepsPerRecord"/> steps the trainer's record and, on their own cadences, per-rank lines, NCCL and
/// DeepSpeed chatter, the repeated warnings, eval phases and JSON metric dumps.</summary>
public sealed class TrainingBody(LogBuffer log, SimClock clock, Random random, LogShape shape, long totalSteps)
{
    /// <summary>The most one <see cref="WriteStep"/> can write (an eval phase or a warning round, with margin).</summary>
    public const int MaxStepBytes = 16 * 1024;

    private static readonly string[] Loggers =
        ["[__main__] [INFO] [SFT]", "[lib.training.standalone_trainer] [INFO] [TRAIN]", "[transformers.trainer] [INFO] [SFT]"];

    private double _loss = 2.8;
    private double _scale = 65536;
    private long _nextWarning = shape.WarningEveryMin;
    private long _nextOverflow = 150;

    public long Step { get; private set; }

    public void WriteStep()
    {
        Step++;
        var dt = 0.28 + (random.NextDouble() * 0.1);
        clock.Advance(dt);
        var elapsed = clock.Elapsed.TotalSeconds;
        var remaining = (totalSteps - Step) * elapsed / Step;
        log.Write($"{TqdmBar.Head(Step, totalSteps)}{Step}/{totalSteps} [{SimClock.Hms(elapsed)}<{SimClock.Hms(remaining)}, {1 / dt,5:F2}it/s]");
        if (Step % shape.StepsPerRecord != 0) return;

        var n = Step / shape.StepsPerRecord;
        var ts = clock.Seconds;
        _loss = Math.Max(0.05, (_loss * 0.99995) + ((random.NextDouble() - 0.5) * 0.02));
        var lr = 2e-5 * (1 - ((double)Step / totalSteps));
        var gradNorm = 0.5 + (random.NextDouble() * 0.8);
        // Mostly the logging handler is tqdm-aware and ends the bar's line; sometimes the record is glued to it.
        var newline = n % 11 == 7 ? "" : "\n";
        log.Write($"{newline}[{ts}] {Loggers[n % 3]} Step {Step}/{totalSteps} | loss={_loss:F4} | lr={lr:0.0e+00} | grad_norm={gradNorm:F2} | tokens/s={5000 + (n % 701)}\n");
        if (n % 5 == 0) WriteRankLines(n, ts, lr, gradNorm);
        if (n % 25 == 0) WriteNccl();
        if (n % 50 == 0) WriteDeepSpeed(lr);
        if (Step >= _nextWarning) WriteWarnings();
        if (Step >= _nextOverflow) WriteOverflow(ts);
        if (n % 2500 == 0) WriteMetrics(ts);
        if (n % 1000 == 0) WriteEval();
    }

    private void WriteRankLines(long n, string ts, double lr, double gradNorm)
    {
        var rank = 1 + (n % 7);
        log.Write($"{{'loss': {_loss:F4}, 'grad_norm': {gradNorm:F4}, 'learning_rate': {lr:0.0000e+00}, 'epoch': {3.0 * Step / totalSteps:F2}}}\n");
        log.Write($"[rank{rank}]: [{ts}] [lib.training.standalone_trainer] [INFO] [TRAIN] mem_alloc={38.1 + random.NextDouble():F2}GB\n");
        log.Write($"[rank{8 - rank}]: [{ts}] [lib.training.standalone_trainer] [INFO] [TRAIN] mem_alloc={38.1 + random.NextDouble():F2}GB\n");
    }

    private void WriteNccl()
    {
        var rank = (int)(Step / 50 % TrainingPreamble.Gpus);
        var pid = TrainingPreamble.BasePid + rank;
        log.Write($"{TrainingPreamble.Host}:{pid}:{pid + 131} [{rank}] NCCL INFO AllReduce: opCount {Step:x} sendbuff 0x7f3a2c000000 "
            + $"recvbuff 0x7f3a2c000000 count 9801523 datatype 7 op 0 root 0 comm 0x5581c3e0 [nranks=8] stream 0x55821a0\n");
    }

    private void WriteDeepSpeed(double lr)
    {
        log.Write($"[{clock.Millis}] [INFO] [logging.py:128:log_dist] [Rank 0] step={Step}, skipped={Step / 300}, lr=[{lr:0.000000e+00}], mom=[(0.9, 0.95)]\n");
        log.Write($"[{clock.Millis}] [INFO] [timer.py:264:stop] epoch=0/micro_step={Step * 4}/global_step={Step}, "
            + $"RunningAvgSamplesPerSec={26 + random.NextDouble():F4}, CurrSamplesPerSec={26 + random.NextDouble():F4}, MemAllocated=38.12GB, MaxMemAllocated=41.9GB\n");
    }

    private void WriteWarnings()
    {
        _nextWarning = Step + random.Next(shape.WarningEveryMin, shape.WarningEveryMax + 1);
        for (var rank = 0; rank < TrainingPreamble.Gpus; rank++)
        {
            log.Write($"[rank{rank}]: /usr/lib/python3/dist-packages/torch/utils/checkpoint.py:61: UserWarning: None of the inputs "
                + $"have requires_grad=True. Gradients will be None\n[rank{rank}]:   warnings.warn(\n");
        }
    }

    private void WriteOverflow(string ts)
    {
        _nextOverflow = Step + random.Next(shape.WarningEveryMin * 3 / 4, (shape.WarningEveryMax * 3 / 4) + 2);
        _scale = random.NextDouble() < 0.7 ? Math.Max(1, _scale / 2) : Math.Min(65536, _scale * 2);
        log.Write($"[{ts}] [__main__] [WARNING] [SFT] Gradient overflow, skipping step, loss scale reduced to {_scale:F1}\n");
    }

    private void WriteEval()
    {
        log.Write($"\n[INFO|trainer.py:3831] {clock.Millis} >> \n***** Running Evaluation *****\n");
        log.Write($"[INFO|trainer.py:3836] {clock.Millis} >>   Batch size = 8\n");
        const int batches = 63;
        for (var i = 1; i <= batches; i++)
        {
            clock.Advance(0.21);
            log.Write($"{TqdmBar.Head(i, batches)}{i}/{batches} [{SimClock.Hms(i * 0.21)}<{SimClock.Hms((batches - i) * 0.21)},  4.76it/s]");
        }

        var evalLoss = _loss * (1.02 + (random.NextDouble() * 0.05));
        log.Write($"\n{{'eval_loss': {evalLoss:F4}, 'eval_runtime': 13.41, 'eval_samples_per_second': 298.2, 'epoch': {3.0 * Step / totalSteps:F2}}}\n");
        log.Write($"[{clock.Seconds}] [__main__] [INFO] [EVAL] step={Step} eval_loss={evalLoss:F4} perplexity={Math.Exp(evalLoss):F3}\n");
    }

    private void WriteMetrics(string ts)
    {
        var memory = string.Join(", ", Enumerable.Range(0, TrainingPreamble.Gpus).Select(_ => (38 + random.NextDouble()).ToString("F2")));
        log.Write($"[{ts}] [__main__] [INFO] [METRICS] {{\"step\": {Step}, \"train_loss\": {_loss:F5}, \"tokens_seen\": {Step * 262144}, "
            + $"\"throughput\": {{\"tokens_per_s\": {5300 + (random.NextDouble() * 100):F1}, \"mfu\": {0.41 + (random.NextDouble() * 0.02):F4}}}, "
            + $"\"gpu_mem_gb\": [{memory}], \"note\": \"ok ✓\"}}\n");
        log.Write($"\u001b[32m✔ checkpoint saved\u001b[0m → /mnt/ckpt/sft-llama/checkpoint-{Step} (16.1 GB, 41.3 s)\n");
    }
}
