namespace ErrorTrace.Cli.Tests;

/// <summary>Small logs shaped like real training jobs.</summary>
internal static class SampleLogs
{
    /// <summary>A CUDA OOM in the user's code, called through a library frame, with a warning (containing a pipe) before it.</summary>
    public const string CudaOom = """
        2025-03-01 10:00:00,000 - INFO - train - Starting training run
        2025-03-01 10:00:05,123 - WARNING - train - grad norm is nan | skipping step
        2025-03-01 10:00:09,456 - INFO - train - epoch 1 step 20 loss 2.31
        Traceback (most recent call last):
          File "/app/train.py", line 228, in <module>
            main()
          File "/app/train.py", line 108, in main
            loss = model(batch)
          File "/usr/local/lib/python3.10/site-packages/torch/nn/modules/module.py", line 1501, in _call_impl
            return forward_call(*args, **kwargs)
        torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 4.18 GiB (GPU 0; 10.92 GiB total capacity)
        """;

    /// <summary>A chained exception: the direct cause, then the one it caused.</summary>
    public const string Chained = """
        Traceback (most recent call last):
          File "/app/data.py", line 12, in load
            return json.loads(text)
        ValueError: bad shard header

        The above exception was the direct cause of the following exception:

        Traceback (most recent call last):
          File "/app/train.py", line 40, in <module>
            load()
        RuntimeError: could not load dataset
        """;

    public const string Quiet = """
        2025-03-01 10:00:00,000 - INFO - train - Starting training run
        2025-03-01 10:00:09,456 - INFO - train - done
        """;
}
