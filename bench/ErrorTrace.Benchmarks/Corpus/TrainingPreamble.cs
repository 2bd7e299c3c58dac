namespace ErrorTrace.Benchmarks.Corpus;

/// <summary>What an 8-GPU torchrun + DeepSpeed + transformers job prints before its first step.</summary>
public static class TrainingPreamble
{
    public const int Gpus = 8;
    public const string Host = "node-1";
    public const int BasePid = 41230;

    public static void Write(LogBuffer log, SimClock clock, Random random, long totalSteps)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(random);
        log.Write("W1210 03:41:07.512000 41200 torch/distributed/run.py:793] *****************************************\n"
            + "W1210 03:41:07.512000 41200 torch/distributed/run.py:793] Setting OMP_NUM_THREADS environment variable for each "
            + "process to be 1 in default, to avoid your system being overloaded, please further tune the variable for optimal "
            + "performance in your application as needed. \n");
        for (var rank = 0; rank < Gpus; rank++)
        {
            var pid = BasePid + rank;
            log.Write($"[{clock.Millis}] [INFO] [real_accelerator.py:219:get_accelerator] Setting ds_accelerator to cuda (auto detect)\n");
            log.Write($"{Host}:{pid}:{pid} [{rank}] NCCL INFO Bootstrap : Using eth0:10.0.0.11<0>\n");
            log.Write($"{Host}:{pid}:{pid} [{rank}] NCCL INFO NCCL version 2.21.5+cuda12.4\n");
            var ring = string.Join(' ', Enumerable.Range(0, Gpus).Select(i => (rank + i) % Gpus));
            log.Write($"{Host}:{pid}:{pid + 97} [{rank}] NCCL INFO Channel 00/02 : {ring}\n");
            log.Write($"{Host}:{pid}:{pid + 97} [{rank}] NCCL INFO comm 0x5581c3e0 rank {rank} nranks {Gpus} cudaDev {rank} busId {rank + 1}0000 - Init COMPLETE\n");
            clock.Advance(0.013);
        }

        log.Write("\u001b[34m\u001b[1mwandb\u001b[0m: Tracking run with wandb version 0.18.7\n");
        log.Write("\u001b[34m\u001b[1mwandb\u001b[0m: ⭐️ View project at \u001b[34mhttps://wandb.ai/ml-team/sft-llama\u001b[0m\n");
        log.Write($"[{clock.Seconds}] [__main__] [INFO] [DATA] Sample 0: <|user|> 请用中文解释梯度累积。 <|assistant|> 梯度累积是指…\n");
        // datasets.map's bar: hundreds of \r updates on one physical line, as real logs have.
        const int total = 1204113;
        for (var i = 1; i <= 300; i++)
        {
            var done = (long)total * i / 300;
            log.Write($"{TqdmBar.Head(done, total)}{done}/{total} [{SimClock.Hms(i * 0.28)}<{SimClock.Hms((300 - i) * 0.28)}, {14000 + (random.NextDouble() * 600):F2} examples/s]");
        }

        log.Write("\n");
        log.Write($"[{clock.Millis}] [INFO] [logging.py:128:log_dist] [Rank 0] DeepSpeed info: version=0.15.4, git-hash=unknown, git-branch=unknown\n");
        log.Write($"[{clock.Millis}] [INFO] [engine.py:1245:_configure_optimizer] Using DeepSpeed Optimizer param name adamw as basic optimizer\n");
        log.Write($"{{\n    \"learning_rate\": 2e-05,\n    \"max_steps\": {totalSteps},\n    \"fp16\": true,\n    \"deepspeed\": \"configs/ds_zero2.json\"\n}}\n");
        log.Write($"[INFO|trainer.py:2243] {clock.Millis} >> ***** Running training *****\n");
        log.Write($"[INFO|trainer.py:2250] {clock.Millis} >>   Total optimization steps = {totalSteps:N0}\n");
    }
}
