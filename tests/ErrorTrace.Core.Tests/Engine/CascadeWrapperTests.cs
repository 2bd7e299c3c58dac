using ErrorTrace.Core.Reports;

namespace ErrorTrace.Core.Tests.Engine;

/// <summary>Wrappers and consequences that are never the root cause when the cause is in the log too.</summary>
public class CascadeWrapperTests
{
    [Fact]
    public void Ray_trains_training_failed_error_gives_way_to_the_workers_exception_printed_after_it()
    {
        var report = Analyze.Text(
            "Traceback (most recent call last):\n"
            + "  File \"/data/ray/train1.py\", line 126, in <module>\n"
            + "    result = ray_trainer.fit()\n"
            + "  File \"/opt/lib/python3.9/site-packages/ray/train/base_trainer.py\", line 638, in fit\n"
            + "    raise TrainingFailedError(\n"
            + "ray.train.base_trainer.TrainingFailedError: The Ray Train run failed. Please inspect the previous error messages for a cause.\n"
            + "(RayTrainWorker pid=242146) Traceback (most recent call last):\n"
            + "(RayTrainWorker pid=242146)   File \"/data/ray/train1.py\", line 60, in train_func\n"
            + "(RayTrainWorker pid=242146)     loss = model(batch)\n"
            + "(RayTrainWorker pid=242146) torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 2.00 GiB.\n");

        var root = Assert.IsType<TracebackInfo>(report.Traceback);
        Assert.Equal("torch.OutOfMemoryError", root.ExceptionType);
        Assert.Equal("oom_training", report.Analysis?.ErrorType);
    }

    [Fact]
    public void A_slurm_time_limit_is_the_cause_of_the_termination_errors_after_it()
    {
        var report = Analyze.Text(
            "slurmstepd: error: *** JOB 494583 ON node7 CANCELLED AT 2024-04-20T09:09:37 DUE TO TIME LIMIT ***\n"
            + "Traceback (most recent call last):\n"
            + "  File \"/app/train.py\", line 40, in <module>\n"
            + "    for batch in loader:\n"
            + "RuntimeError: DataLoader worker (pid 5120) is killed by signal: Terminated.\n");

        var root = Assert.IsType<TracebackInfo>(report.Traceback);
        Assert.Equal("SIGTERM", root.ExceptionType);
        Assert.Equal("timeout", report.Analysis?.ErrorType);
    }

    [Fact]
    public void A_step_cancelled_after_a_task_failed_is_a_consequence()
    {
        var report = Analyze.Text(
            "Traceback (most recent call last):\n"
            + "  File \"/app/train.py\", line 40, in <module>\n"
            + "    main()\n"
            + "ValueError: bad config\n"
            + "srun: error: node7: task 0: Exited with exit code 1\n"
            + "slurmstepd: error: *** STEP 494583.0 ON node7 CANCELLED AT 2024-04-20T09:09:37 ***\n");

        var root = Assert.IsType<TracebackInfo>(report.Traceback);
        Assert.Equal("ValueError", root.ExceptionType);
    }
}
