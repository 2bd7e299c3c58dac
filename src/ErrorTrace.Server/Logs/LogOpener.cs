using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace ErrorTrace.Server.Logs;

/// <summary>
/// Opens a log the locator approved without trusting its path between the check and the open. On Linux: the path's
/// own <c>lstat</c> (a regular file, not a link), then <c>open(O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)</c> — a
/// final symbolic link fails instead of being followed, and a FIFO or device opens at once instead of blocking —
/// then <c>fstat</c> of the handle: a regular file, with the device and inode the <c>lstat</c> saw, and
/// <c>/proc/self/fd/N</c> (the kernel's name for what was opened) inside the canonical logs directory. A directory
/// component swapped for a link between the locator's check and the open therefore fails too. Anything else is a
/// refusal with a sentence for the report's notes, never an exception and never a hang.
/// </summary>
internal static partial class LogOpener
{
    private const int ReadOnly = 0;
    private const int NonBlocking = 0x800;      // O_NONBLOCK (04000) on every Linux architecture .NET runs on
    private const int CloseOnExec = 0x80000;    // O_CLOEXEC (02000000)
    private const int NoCtty = 0x100;           // O_NOCTTY (0400): a terminal device never becomes ours

    public const string NotRegularNote = "The job's log is not a regular file (a FIFO, device, directory or symbolic link); the log was not read.";
    public const string MovedNote = "The job's log changed (or was replaced by a link) while it was being opened; the log was not read.";
    public const string OutsideNote = "The job's log resolves outside the logs directory; the log was not read.";
    public const string MissingNote = "The log file is missing; the report shows only what the database knows.";

    /// <summary>The opened log, or null with the reason in <paramref name="refusal"/>.</summary>
    public static OpenedLog? TryOpen(string path, string logsRoot, out string? refusal)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!OperatingSystem.IsLinux()) return OpenPortable(path, out refusal);

        refusal = null;
        if (FileStat.OfPath(path) is not { } approved)
        {
            refusal = MissingNote;
            return null;
        }

        if (!approved.IsRegular)
        {
            refusal = NotRegularNote;
            return null;
        }

        var fd = Open(path, ReadOnly | NoFollow | NonBlocking | CloseOnExec | NoCtty, 0);
        if (fd < 0)
        {
            // ELOOP: the final component became a symbolic link; ENOENT: it vanished.
            refusal = Marshal.GetLastPInvokeError() == ENoEnt ? MissingNote : MovedNote;
            return null;
        }

        var handle = new SafeFileHandle(fd, ownsHandle: true);
        var opened = FileStat.OfHandle(handle);
        refusal = opened is { } status ? Refuse(status, fd, approved, logsRoot) : MissingNote;
        if (refusal is null) return new OpenedLog(handle, opened!.Value);
        handle.Dispose();
        return null;
    }

    private static string? Refuse(FileStatus opened, int fd, FileStatus approved, string logsRoot)
    {
        if (!opened.IsRegular) return NotRegularNote;
        if (opened.Identity != approved.Identity) return MovedNote;
        // What the kernel opened, named by the kernel: no path component can have been swapped under it.
        var name = new FileInfo($"/proc/self/fd/{fd}").LinkTarget;
        if (name is null || !CanonicalPath.IsInside(name, logsRoot)) return OutsideNote;
        return null;
    }

    /// <summary>Other systems (not a deployment target): an ordinary open, still refusing anything not a regular file.</summary>
    private static OpenedLog? OpenPortable(string path, out string? refusal)
    {
        refusal = null;
        var info = new FileInfo(path);
        if (!info.Exists || info.LinkTarget is not null)
        {
            refusal = info.Exists ? NotRegularNote : MissingNote;
            return null;
        }

        try
        {
            var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, FileOptions.SequentialScan);
            return new OpenedLog(handle, FileStat.OfHandle(handle)!.Value);
        }
        catch (IOException)
        {
            refusal = MissingNote;
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            refusal = MissingNote;
            return null;
        }
    }

    private const int ENoEnt = 2;

    /// <summary>O_NOFOLLOW: 0400000 on x86-64, 0100000 on ARM64 (the generic Linux value).</summary>
    private static int NoFollow => RuntimeInformation.ProcessArchitecture is Architecture.Arm64 or Architecture.Arm ? 0x8000 : 0x20000;

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Open(string path, int flags, int mode);
}
