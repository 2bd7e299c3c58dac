namespace ErrorTrace.Core.Tests.Fleet;

/// <summary>Small training logs that die in known ways, with the parts that vary between jobs as parameters.</summary>
internal static class FleetLogs
{
    private const string Torch = "/usr/local/lib/python3.11/site-packages/torch";

    /// <summary>A CUDA OOM in the user's training step, asking for <paramref name="size"/>.</summary>
    public static string CudaOom(string size, string root = "/home/alice/llm", int line = 120, string free = "1.12 GiB", string function = "training_step") => $"""
        [2025-12-10 03:58:20] [__main__] [INFO] [SFT] Step 10/100 | loss 1.2
        Traceback (most recent call last):
          File "{root}/src/train.py", line 40, in main
            trainer.train()
          File "{root}/src/train.py", line {line}, in {function}
            loss = model(**batch).loss
          File "{Torch}/nn/modules/module.py", line 1751, in _wrapped_call_impl
            return self._call_impl(*args, **kwargs)
        torch.OutOfMemoryError: CUDA out of memory. Tried to allocate {size}. GPU 0 has a total capacity of 79.15 GiB of which {free} is free. Process 4411 has 78.02 GiB memory in use.
        """;

    /// <summary>The kernel's OOM killer, reported by torchrun's failure table for <paramref name="host"/>.</summary>
    public static string HostOom(string host = "node-3") => $"""
        [2025-12-10 03:58:20] [__main__] [INFO] [SFT] Loading shards
        slurmstepd: error: Detected 1 oom_kill event in StepId=884213.0. Some of the step tasks have been OOM Killed.
        Traceback (most recent call last):
          File "/usr/local/bin/torchrun", line 8, in <module>
            sys.exit(main())
          File "{Torch}/distributed/launcher/api.py", line 263, in launch_agent
            raise ChildFailedError(
        torch.distributed.elastic.multiprocessing.errors.ChildFailedError:
        ============================================================
        /opt/trainer/train.py FAILED
        ------------------------------------------------------------
        Failures:
          <NO_OTHER_FAILURES>
        ------------------------------------------------------------
        Root Cause (first observed failure):
        [0]:
          time      : 2025-12-10_03:58:22
          host      : {host}
          rank      : 0 (local_rank: 0)
          exitcode  : -9 (pid: 2211)
          error_file: <N/A>
          traceback : Signal 9 (SIGKILL) received by PID 2211
        ============================================================
        """;

    public static string KeyError(string key = "labels", string function = "collate") => $"""
        Traceback (most recent call last):
          File "/workspace/proj/train.py", line 88, in main
            batch = collate(rows)
          File "/workspace/proj/data.py", line 12, in {function}
            return [r['{key}'] for r in rows]
        KeyError: '{key}'
        """;
}
