namespace ErrorTrace.Server.Tests;

/// <summary>Small logs in the seed trainer's format.</summary>
public static class SampleLogs
{
    public const string CudaOom = """
        [2025-12-10 03:58:20] [__main__] [INFO] [SFT] Step 10/500 | loss 1.2345
        [2025-12-10 03:58:21] [__main__] [WARNING] [Main] Pushing with HF token hf_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789 and AWS key AKIAIOSFODNN7EXAMPLE
        [2025-12-10 03:58:22] [__main__] [ERROR] [SFT] Training failed with error: CUDA out of memory. Tried to allocate 2.00 GiB
        [2025-12-10 03:58:22] [__main__] [ERROR] [Main] Full traceback:
        Traceback (most recent call last):
          File "/home/user/standalone_trainer.py", line 3401, in main
            trainer.train()
          File "/home/user/standalone_trainer.py", line 1287, in train
            loss = self.step(batch)
        torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 2.00 GiB. Authorization: Bearer abcdefghijklmnop1234 db=postgres://trainer:hunter2secret@db:5432/jobs key sk-proj-ABCDEFGHIJKLMNOPQRSTUVWX WANDB_API_KEY=0123456789abcdef0123456789abcdef01234567

        """;

    public const string Running = """
        [2025-12-10 04:00:00] [__main__] [INFO] [SFT] Step 10/500 | loss 1.2345
        [2025-12-10 04:00:05] [__main__] [ERROR] [SFT] Skipping batch 17: sample longer than max_seq_length

        """;

    public const string Appended = """
        [2025-12-10 04:01:00] [__main__] [ERROR] [SFT] Skipping batch 42: NaN loss detected

        """;
}
