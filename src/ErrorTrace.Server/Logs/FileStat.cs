using System.Runtime.InteropServices;

namespace ErrorTrace.Server.Logs;

/// <summary>The identity and length of a file, from <c>statx(2)</c> on Linux (device, inode, size in one call) and from
/// <see cref="FileInfo"/> elsewhere.</summary>
internal static partial class FileStat
{
    private const int AtFdCwd = -100;
    private const uint StatxBasicStats = 0x7ff;

    // struct statx offsets (linux/stat.h; the layout is fixed across architectures).
    private const int InodeOffset = 32;
    private const int SizeOffset = 40;
    private const int DevMajorOffset = 136;
    private const int DevMinorOffset = 140;
    private const int StatxSize = 256;

    public static (FileIdentity Identity, long Length)? Of(string path)
    {
        if (OperatingSystem.IsLinux())
        {
            try
            {
                var buffer = new byte[StatxSize];
                if (Statx(AtFdCwd, path, 0, StatxBasicStats, buffer) == 0)
                {
                    var span = buffer.AsSpan();
                    var device = ((ulong)BitConverter.ToUInt32(span[DevMajorOffset..]) << 32) | BitConverter.ToUInt32(span[DevMinorOffset..]);
                    return (new FileIdentity(device, BitConverter.ToUInt64(span[InodeOffset..]), 0), BitConverter.ToInt64(span[SizeOffset..]));
                }
            }
            catch (EntryPointNotFoundException)
            {
                // An old libc without statx: fall through.
            }
            catch (DllNotFoundException)
            {
                // Not glibc/musl under that name: fall through.
            }
        }

        var info = new FileInfo(path);
        return info.Exists ? (new FileIdentity(0, 0, info.CreationTimeUtc.Ticks), info.Length) : null;
    }

    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Statx(int dirfd, string path, int flags, uint mask, [Out] byte[] buffer);
}
