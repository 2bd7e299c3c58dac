namespace ErrorTrace.Cli.Commands;

/// <summary>Why a log could not be analysed, as an exit code and a message that says what to do.</summary>
internal sealed record InputFailure(int ExitCode, string Message)
{
    /// <summary>Checks what can be checked before opening, for messages clearer than the exceptions'.</summary>
    public static InputFailure? BeforeOpening(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path == "-" || File.Exists(path)) return null;
        if (Directory.Exists(path))
            return new(ExitCodes.InputUnreadable, $"{path}: is a directory. Give the log file inside it (e.g. {Path.Combine(path, "job_123.log")}).");
        return NotFound(path);
    }

    /// <summary>Maps the exceptions reading can throw; null for anything else, which is a bug, not bad input.</summary>
    public static InputFailure? FromException(string path, Exception exception) => exception switch
    {
        FileNotFoundException or DirectoryNotFoundException => NotFound(path),
        UnauthorizedAccessException => new(ExitCodes.InputUnreadable,
            $"{path}: permission denied. Check the file's permissions (ls -l) or run as a user who can read it."),
        InvalidDataException => new(ExitCodes.InputUnreadable,
            $"{path}: starts like gzip but is corrupt or truncated ({exception.Message}). Check it with 'gzip -t'."),
        IOException => new(ExitCodes.InputUnreadable, $"{path}: cannot be read: {exception.Message}"),
        _ => null,
    };

    private static InputFailure NotFound(string path) =>
        new(ExitCodes.InputNotFound, $"{path}: no such file. Check the path, or use '-' to read the log from stdin.");
}
