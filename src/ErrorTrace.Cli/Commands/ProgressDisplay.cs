using ErrorTrace.Cli.Hosting;
using ErrorTrace.Cli.Rendering;
using Spectre.Console;

namespace ErrorTrace.Cli.Commands;

/// <summary>A progress bar on stderr while a big log is read. Only on a terminal: in a pipe or a CI log its
/// redraws would be noise, and stdout stays clean either way.</summary>
internal sealed class ProgressDisplay(CliEnvironment environment)
{
    /// <summary>Runs <paramref name="work"/>, giving it a progress sink when a bar is shown, else null.</summary>
    public T Run<T>(string path, bool colour, Func<IProgress<long>?, T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var size = path == "-" ? 0 : SizeOf(path);
        if (!environment.ErrorIsTerminal || size < environment.ProgressThresholdBytes) return work(null);

        var console = environment.CreateConsole(environment.Error, new ConsoleOptions(colour, Interactive: true, environment.Width(terminal: true)));
        return console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask(Markup.Escape(Path.GetFileName(path)), maxValue: size);
                var result = work(new ProgressTaskSink(task));
                task.Value = size;
                return result;
            });
    }

    private static long SizeOf(string path)
    {
        try
        {
            return new FileInfo(path).Length;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return 0; // Reading will fail with a proper message; no bar is needed for that.
        }
    }
}
