using Spectre.Console;

namespace ErrorTrace.Cli.Commands;

/// <summary>Feeds the engine's progress (bytes of the file on disk, even for gzip) to a Spectre progress bar.</summary>
internal sealed class ProgressTaskSink(ProgressTask task) : IProgress<long>
{
    public void Report(long value) => task.Value = value;
}
