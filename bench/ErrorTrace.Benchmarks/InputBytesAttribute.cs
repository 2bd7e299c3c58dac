namespace ErrorTrace.Benchmarks;

/// <summary>How many log bytes (decompressed) one operation of the benchmark reads; drives the MB/s columns.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class InputBytesAttribute(long bytes) : Attribute
{
    public long Bytes { get; } = bytes;
}
