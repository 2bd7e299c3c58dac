namespace ErrorTrace.Server.Logs;

/// <summary>Which file this is, whatever its name: device and inode on Linux, else the creation time. A rotated or
/// re-created log has another identity even when it has the same name and a larger size.</summary>
internal readonly record struct FileIdentity(ulong Device, ulong Inode, long CreationTicks);
