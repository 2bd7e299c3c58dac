using ErrorTrace.Core.Reports;

namespace ErrorTrace.Core.Tests.Engine;

/// <summary>Tracebacks drawn by rich's handler (accelerate, kohya's sd-scripts, typer CLIs).</summary>
public class RichTracebackTests
{
    private const string Panel =
        "╭─────────────────────────────── Traceback (most recent call last) ────────────────────────────────╮\n"
        + "│ /home/u/kohya_ss/venv/lib/python3.10/site-packages/accelerate/commands/accelerate_cli.py:45 in   │\n"
        + "│ main                                                                                             │\n"
        + "│                                                                                                  │\n"
        + "│   42 │   │   exit(1)                                                                             │\n"
        + "│   44 │   # Run                                                                                   │\n"
        + "│ ❱ 45 │   args.func(args)                                                                         │\n"
        + "│                                                                                                  │\n"
        + "│ C:\\Users\\User\\Downloads\\SD\\lora_training_related\\kohya_ss-21.8.8\\venv\\Lib\\site-packages\\accelera │\n"
        + "│ te\\commands\\launch.py:918 in launch_command                                                      │\n"
        + "│                                                                                                  │\n"
        + "│ ❱ 918 │   │   simple_launcher(args)                                                              │\n"
        + "╰──────────────────────────────────────────────────────────────────────────────────────────────────╯\n";

    [Fact]
    public void Frames_wrapped_at_a_space_or_mid_word_are_joined_and_the_exception_follows_the_panel()
    {
        var report = Analyze.Text(Panel + "CalledProcessError: Command '['python', 'train_network.py']' returned non-zero exit status 1.\n");

        var root = Assert.IsType<TracebackInfo>(report.Traceback);
        Assert.Equal(("python", "CalledProcessError"), (root.Kind, root.ExceptionType));
        Assert.Equal(2, root.Frames.Count);
        Assert.Equal(("/home/u/kohya_ss/venv/lib/python3.10/site-packages/accelerate/commands/accelerate_cli.py", 45, "main", "args.func(args)"),
            (root.Frames[0].File, root.Frames[0].Line, root.Frames[0].Function, root.Frames[0].Code));
        Assert.Equal(("C:\\Users\\User\\Downloads\\SD\\lora_training_related\\kohya_ss-21.8.8\\venv\\Lib\\site-packages\\accelerate\\commands\\launch.py", 918, "launch_command"),
            (root.Frames[1].File, root.Frames[1].Line, root.Frames[1].Function));
        Assert.Equal(1, root.FirstLine);
    }

    [Fact]
    public void An_indented_multi_line_message_is_read_until_the_blank_line()
    {
        var report = Analyze.Text(
            "╭──────── Traceback (most recent call last) ────────╮\n"
            + "│ /venv/lib/site-packages/bitsandbytes/cextension. │\n"
            + "│ py:20 in <module>                                 │\n"
            + "│                                                   │\n"
            + "│ ❱ 20 │   │   raise RuntimeError('''               │\n"
            + "╰───────────────────────────────────────────────────╯\n"
            + "RuntimeError: \n"
            + "        CUDA Setup failed despite GPU being available. Please run the following command to get more information:\n"
            + "\n"
            + "steps: 0%\n");

        var root = Assert.IsType<TracebackInfo>(report.Traceback);
        Assert.Equal("RuntimeError", root.ExceptionType);
        Assert.StartsWith("CUDA Setup failed despite GPU being available.", root.ExceptionMessage, StringComparison.Ordinal);
        Assert.Equal(("/venv/lib/site-packages/bitsandbytes/cextension.py", "<module>"), (root.Frames[^1].File, root.Frames[^1].Function));
        Assert.Equal("dependency_error", report.Analysis?.ErrorType);
    }

    [Fact]
    public void A_chained_panel_puts_the_first_exception_in_the_chain()
    {
        var report = Analyze.Text(
            "╭──── Traceback (most recent call last) ────╮\n"
            + "│ /app/data.py:12 in load                   │\n"
            + "╰───────────────────────────────────────────╯\n"
            + "KeyError: 'text'\n"
            + "\n"
            + "The above exception was the direct cause of the following exception:\n"
            + "\n"
            + "╭──── Traceback (most recent call last) ────╮\n"
            + "│ in <module>:7                             │\n"
            + "╰───────────────────────────────────────────╯\n"
            + "DatasetGenerationError: An error occurred while generating the dataset\n");

        var root = Assert.IsType<TracebackInfo>(report.Traceback);
        Assert.Equal("DatasetGenerationError", root.ExceptionType);
        Assert.Equal(("<module>", 7), (root.Frames[0].Function, root.Frames[0].Line));
        var first = Assert.Single(root.Chain);
        Assert.Equal(("KeyError", "cause", "load"), (first.ExceptionType, first.Relation, first.Frames[0].Function));
    }

    [Fact]
    public void A_panel_title_in_prose_opens_nothing()
    {
        var report = Analyze.Text("rich draws a Traceback (most recent call last) panel, see the docs\n");

        Assert.Empty(report.Tracebacks);
    }
}
