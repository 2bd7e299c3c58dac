using System.Text;
using CsCheck;
using ErrorTrace.Core.Text;

namespace ErrorTrace.Core.Tests.Text;

/// <summary>The vector compare must say what the byte loop says, for every byte in every lane.</summary>
public class ByteShapeTests
{
    private static readonly ByteShape s_record = new("[####-##-## ##:##:##] [");

    [Fact]
    public void Reads_a_record_start() =>
        Assert.True(s_record.IsStartOf("[2025-12-10 03:58:22] [__main__] [INFO] [SFT] step 1 loss=2.3539"u8));

    [Theory]
    [InlineData("[2025-12-10 03:58:22,104] [INFO] [engine.py:1245:_configure_optimizer] x")]
    [InlineData("[2025-12-10T03:58:22] [__main__] [INFO] [SFT] step 1 loss=2.3539 and more")]
    [InlineData("[2025-1a-10 03:58:22] [__main__] [INFO] [SFT] step 1 loss=2.3539 and more")]
    [InlineData("[2025-12-10 03:58:22]")]
    [InlineData("")]
    public void Turns_away_other_starts(string line) => Assert.False(s_record.IsStartOf(Encoding.UTF8.GetBytes(line)));

    /// <summary>A record start with one byte replaced by any value, at any position, padded to any length: both paths
    /// agree, so each lane's digit and exact tests are right.</summary>
    [Fact]
    public void The_vector_compare_agrees_with_the_byte_loop() =>
        Gen.Select(Gen.Int[0, 40], Gen.Byte, Gen.Int[0, 48]).Sample((position, value, length) =>
        {
            var bytes = "[2025-12-10 03:58:22] [__main__] [INFO] [SFT] step 1 loss=2.3539"u8.ToArray();
            if (position < bytes.Length) bytes[position] = value;
            var text = bytes.AsSpan(0, Math.Min(length, bytes.Length));
            Assert.Equal(s_record.IsStartOfScalar(text), s_record.IsStartOf(text));
        }, iter: 20_000);

    [Fact]
    public void A_digit_lane_takes_only_digits()
    {
        var shape = new ByteShape("#");
        for (var b = 0; b < 256; b++)
        {
            var text = new byte[ByteShape.MaxLength];
            text[0] = (byte)b;
            Assert.Equal(b is >= '0' and <= '9', shape.IsStartOf(text));
            Assert.Equal(b is >= '0' and <= '9', shape.IsStartOfScalar(text));
        }
    }

    [Fact]
    public void A_full_width_shape_checks_all_32_lanes()
    {
        var shape = new ByteShape(new string('#', ByteShape.MaxLength));
        var text = Encoding.ASCII.GetBytes(new string('7', ByteShape.MaxLength));
        Assert.True(shape.IsStartOf(text));
        text[^1] = (byte)'x';
        Assert.False(shape.IsStartOf(text));
    }
}
