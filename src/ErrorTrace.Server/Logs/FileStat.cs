using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace ErrorTrace.Server.Logs;

/// <summary>A file's <see cref="FileStatus"/> from <c>statx(2)</c> on Linux (device, inode, type, size and times in one
/// call), by path without following a final symbolic link, or of an open handle; from <see cref="FileInfo"/> elsewhere.</summary>
internal static partial class FileStat
{
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const int AtEmptyPath = 0x1000;
    private const uint StatxBasicStats = 0x7ff;
    private const int FileTypeMask = 0xF000;
    private const int RegularFile = 0x8000;

    // struct statx offsets (linux/stat.h; the layout is fixed across architectures).
    private const int ModeOffset = 28;
    private const int InodeOffset = 32;
    private const int SizeOffset = 40;
    private const int ChangeTimeOffset = 96;
    private const int ModifyTimeOffset = 112;
    private const int DevMajorOffset = 136;
    private const int DevMinorOffset = 140;
    private const int StatxSize = 256;

    /// <summary>The file at <paramref name="path"/>, or null when there is none. A symbolic link is described as itself
    /// (a link, not a regular file), never as its target, unless <paramref name="followLinks"/>.</summary>
    public static FileStatus? OfPath(string path, bool followLinks = false)
    {
        if (OperatingSystem.IsLinux() && TryStatx(AtFdCwd, path, followLinks ? 0 : AtSymlinkNoFollow, out var status)) return status;
        if (OperatingSystem.IsLinux()) return null;
        var info = new FileInfo(path);
        if (!info.Exists) return null;
        return new FileStatus(new FileIdentity(0, 0, info.CreationTimeUtc.Ticks), info.Length, info.LinkTarget is null,
            info.LastWriteTimeUtc.Ticks, info.LastWriteTimeUtc.Ticks);
    }

    /// <summary>The file an open handle refers to (<c>fstat</c>): what was opened, whatever the path says now.</summary>
    public static FileStatus? OfHandle(SafeFileHandle handle)
    {
        ArgumentNullException.ThrowIfNull(handle);
        if (OperatingSystem.IsLinux())
        {
            var added = false;
            handle.DangerousAddRef(ref added);
            try
            {
                return TryStatx((int)handle.DangerousGetHandle(), "", AtEmptyPath, out var status) ? status : null;
            }
            finally
            {
                if (added) handle.DangerousRelease();
            }
        }

        var length = RandomAccess.GetLength(handle);
        return new FileStatus(default, length, IsRegular: true, 0, 0);
    }

    private static bool TryStatx(int dirfd, string path, int flags, out FileStatus status)
    {
        status = default;
        var buffer = new byte[StatxSize];
        if (Statx(dirfd, path, flags, StatxBasicStats, buffer) != 0) return false;
        var span = buffer.AsSpan();
        var device = ((ulong)BitConverter.ToUInt32(span[DevMajorOffset..]) << 32) | BitConverter.ToUInt32(span[DevMinorOffset..]);
        var mode = BitConverter.ToUInt16(span[ModeOffset..]);
        status = new FileStatus(
            new FileIdentity(device, BitConverter.ToUInt64(span[InodeOffset..]), 0),
            BitConverter.ToInt64(span[SizeOffset..]),
            (mode & FileTypeMask) == RegularFile,
            Nanos(span[ModifyTimeOffset..]),
            Nanos(span[ChangeTimeOffset..]));
        return true;
    }

    /// <summary>A <c>struct statx_timestamp</c> (seconds, then nanoseconds) as nanoseconds.</summary>
    private static long Nanos(ReadOnlySpan<byte> timestamp) =>
        (BitConverter.ToInt64(timestamp) * 1_000_000_000L) + BitConverter.ToUInt32(timestamp[8..]);

    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Statx(int dirfd, string path, int flags, uint mask, [Out] byte[] buffer);
}
