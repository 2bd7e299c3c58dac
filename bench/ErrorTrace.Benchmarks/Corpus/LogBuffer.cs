using System.Text;

namespace ErrorTrace.Benchmarks.Corpus;

/// <summary>A fixed-size UTF-8 byte buffer that lines are appended to; the generator fills it to its exact size so
/// every benchmark reads a known number of bytes.</summary>
public sealed class LogBuffer(int capacity)
{
    private readonly byte[] _bytes = new byte[capacity];

    public int Length { get; private set; }

    public int Capacity => _bytes.Length;

    public void Write(string text)
    {
        Length += Encoding.UTF8.GetBytes(text, _bytes.AsSpan(Length));
    }

    public void WriteRepeated(byte value, int count)
    {
        _bytes.AsSpan(Length, count).Fill(value);
        Length += count;
    }

    public void Write(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(_bytes.AsSpan(Length));
        Length += bytes.Length;
    }

    public ReadOnlySpan<byte> Written => _bytes.AsSpan(0, Length);

    /// <summary>The whole buffer; only meaningful once <see cref="Length"/> equals <see cref="Capacity"/>.</summary>
    public byte[] ToArray() => Length == _bytes.Length ? _bytes : _bytes.AsSpan(0, Length).ToArray();
}
