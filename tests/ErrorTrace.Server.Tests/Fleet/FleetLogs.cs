namespace ErrorTrace.Server.Tests.Fleet;

/// <summary>Logs that die in known ways, with what varies between jobs as parameters.</summary>
public static class FleetLogs
{
    private const string Torch = "/usr/local/lib/python3.11/site-packages/torch";

    public static string CudaOom(string size) => $"""
        [2025-12-10 03:58:20] [__main__] [INFO] [SFT] Step 10/100 | loss 1.2
        Traceback (most recent call last):
          File "/opt/trainer/train.py", line 40, in main
            trainer.train()
          File "/opt/trainer/train.py", line 120, in training_step
            loss = model(**batch).loss
          File "{Torch}/nn/modules/module.py", line 1751, in _wrapped_call_impl
            return self._call_impl(*args, **kwargs)
        torch.OutOfMemoryError: CUDA out of memory. Tried to allocate {size}. GPU 0 has a total capacity of 79.15 GiB of which 1.12 GiB is free.
        """;

    public static string KeyError(string key) => $"""
        Traceback (most recent call last):
          File "/workspace/proj/train.py", line 88, in main
            batch = collate(rows)
          File "/workspace/proj/data.py", line 12, in collate
            return [r['{key}'] for r in rows]
        KeyError: '{key}'
        """;

    public static string HostOom(string host) => $"""
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
}
