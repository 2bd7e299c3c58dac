namespace ErrorTrace.Benchmarks.Corpus;

/// <summary>Not a log at all (a core dump or a checkpoint written to the log by mistake): random bytes, with every
/// eighth 64 KiB block stripped of newlines so the reader also meets very long "lines".</summary>
public static class BinaryJunk
{
    public static byte[] Generate(int size, int seed = 7)
    {
        var bytes = new byte[size];
        new Random(seed).NextBytes(bytes);
        const int block = 64 * 1024;
        for (var start = 0; start < size; start += 8 * block)
        {
            bytes.AsSpan(start, Math.Min(block, size - start)).Replace((byte)'\n', (byte)' ');
        }

        return bytes;
    }
}
