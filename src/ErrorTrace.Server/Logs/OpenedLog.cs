using Microsoft.Win32.SafeHandles;

namespace ErrorTrace.Server.Logs;

/// <summary>A log opened by <see cref="LogOpener"/>: the handle, and what <c>fstat</c> said about the file it refers to.
/// Everything read about the log from here on goes through the handle, never the path.</summary>
internal sealed class OpenedLog(SafeFileHandle handle, FileStatus status) : IDisposable
{
    public SafeFileHandle Handle { get; } = handle;

    public FileStatus Status { get; } = status;

    public void Dispose() => Handle.Dispose();
}
