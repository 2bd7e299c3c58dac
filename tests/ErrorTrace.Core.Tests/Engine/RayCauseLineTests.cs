using ErrorTrace.Core.Reports;

namespace ErrorTrace.Core.Tests.Engine;

/// <summary>Ray's <c>RayTaskError(Cause): ray::task() (pid=…)</c> among the frames: the driver's frames before it, the
/// task's after it. The task's exception line is the root when printed; the wrapper only when the task's part was cut.</summary>
public class RayCauseLineTests
{
    private const string Driver =
        "Traceback (most recent call last):\n"
        + "  File \"/ws/train_grpo.py\", line 130, in main\n"
        + "    ray.get(main_task.remote(config))\n"
        + "  File \"/venv/ray/_private/worker.py\", line 919, in get_objects\n"
        + "    raise value.as_instanceof_cause()\n"
        + "ray.exceptions.RayTaskError(KeyError): ray::main_task() (pid=1353885, ip=172.20.0.2)\n"
        + "  File \"/ws/train_grpo.py\", line 122, in main_task\n"
        + "    trainer.fit()\n"
        + "  File \"/ws/trainers/ray_grpo_trainer.py\", line 104, in _score_output\n"
        + "    correctness = score[data_source]\n";

    [Fact]
    public void A_task_cut_before_its_exception_line_is_rooted_at_the_wrapper_with_the_task_s_frames()
    {
        var root = Assert.IsType<TracebackInfo>(Analyze.Text(Driver).Traceback);

        Assert.Equal("ray.exceptions.RayTaskError(KeyError)", root.ExceptionType);
        Assert.StartsWith("ray::main_task()", root.ExceptionMessage, StringComparison.Ordinal);
        Assert.Equal(("/ws/trainers/ray_grpo_trainer.py", "_score_output"), (root.Frames[^1].File, root.Frames[^1].Function));
    }

    [Fact]
    public void The_task_s_exception_line_is_the_root_when_printed()
    {
        var root = Assert.IsType<TracebackInfo>(Analyze.Text(Driver + "KeyError: 'boxnet'\n").Traceback);

        Assert.Equal(("KeyError", "'boxnet'"), (root.ExceptionType, root.ExceptionMessage));
        Assert.Equal("_score_output", root.Frames[^1].Function);
    }

    [Fact]
    public void A_wrapper_right_after_the_driver_s_frames_names_the_failure()
    {
        var root = Assert.IsType<TracebackInfo>(Analyze.Text(
            "  File \"/rlhf/experience_maker.py\", line 615, in make_experience\n"
            + "    rewards_info = ray.get(r_refs)\n"
            + "ray.exceptions.RayTaskError(WorkerCrashedError): ray::RemoteRewardModel.get_rewards() (pid=1625610, ip=0.0.0.0)\n").Traceback);

        Assert.Equal("ray.exceptions.RayTaskError(WorkerCrashedError)", root.ExceptionType);
        Assert.Equal("make_experience", root.Frames[^1].Function);
    }

    [Theory]
    [InlineData("RayTaskError(KeyError): ray::main_task() (pid=1)", true)]
    [InlineData("ray.exceptions.RayTaskError(torch.OutOfMemoryError): ray::f() (pid=1)", true)]
    [InlineData("print(x): y", false)]
    [InlineData("RayTaskError(the worker died): text", false)]
    [InlineData("Trainer(KeyError): text", false)]
    [InlineData("RayTaskError(KeyError) text", false)]
    public void The_dual_class_name_is_an_error_named_after_its_cause(string line, bool expected)
    {
        Assert.Equal(expected, ErrorTrace.Core.Tracebacks.RayCauseLine.TryParse(line, out _, out _));
    }
}
