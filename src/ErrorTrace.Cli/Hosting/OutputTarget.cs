using System.Text;

namespace ErrorTrace.Cli.Hosting;

/// <summary>Where the report goes: stdout, or the <c>--output</c> file (which is never a terminal, so never coloured).</summary>
internal sealed class OutputTarget : IDisposable
{
    private readonly bool _ownsWriter;

    private OutputTarget(TextWriter writer, bool isTerminal, bool ownsWriter)
    {
        Writer = writer;
        IsTerminal = isTerminal;
        _ownsWriter = ownsWriter;
    }

    public TextWriter Writer { get; }

    public bool IsTerminal { get; }

    /// <summary>Opens the file up front, so an unwritable path fails before a long analysis rather than after it.</summary>
    public static OutputTarget Open(string? path, CliEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (path is null || path == "-") return new OutputTarget(environment.Out, environment.OutputIsTerminal, ownsWriter: false);
        var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read);
        return new OutputTarget(new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)), isTerminal: false, ownsWriter: true);
    }

    public void Dispose()
    {
        if (_ownsWriter) Writer.Dispose();
        else Writer.Flush();
    }
}
