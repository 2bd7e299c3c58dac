using CsCheck;
using ErrorTrace.Core.Text;

namespace ErrorTrace.Core.Tests.Text;

/// <summary>The vector compare must say what the byte loop says, for every byte in every lane, at every head length.</summary>
public class LineHeadTests
{
    private static ReadOnlySpan<byte> Record => "[2025-12-10 03:58:22] [lib.training.standalone_trainer] [INFO] [SFT] step 1 loss=2.3539 lr=1e-05"u8;

    /// <summary>The clock's digits after the year.</summary>
    private const ulong Clock = (3UL << 6) | (3UL << 9) | (3UL << 12) | (3UL << 15) | (3UL << 18);

    [Fact]
    public void Another_clock_fits_the_digit_lanes()
    {
        var head = new LineHead();
        head.Remember(Record, 62, Clock);
        Assert.True(head.IsStartOf("[2025-01-31 23:59:59] [lib.training.standalone_trainer] [INFO] [Eval] other message"u8));
        Assert.False(head.IsStartOf("[2026-12-10 03:58:22] [lib.training.standalone_trainer] [INFO] [SFT] step 1 loss=2.3539"u8));
        Assert.False(head.IsStartOf("[2025-12-10 03:58:2x] [lib.training.standalone_trainer] [INFO] [SFT] step 1 loss=2.3539"u8));
        Assert.False(head.IsStartOf("[2025-12-10 03:58:22] [lib.training.standalone_trainer] [WARN] [SFT] step 1 loss=2.3539"u8));
    }

    [Fact]
    public void Nothing_starts_with_an_empty_head()
    {
        var head = new LineHead();
        Assert.False(head.IsStartOf(Record));
        head.Remember(Record, 40, Clock);
        head.Clear();
        Assert.False(head.IsStartOf(Record));
        Assert.False(head.IsStartOfScalar(Record));
    }

    /// <summary>A head of any length remembered from the record, and the record with one byte replaced by any value at any
    /// position, cut to any length: both paths agree.</summary>
    [Fact]
    public void The_vector_compare_agrees_with_the_byte_loop() =>
        Gen.Select(Gen.Int[1, LineHead.MaxLength], Gen.Int[0, 70], Gen.Byte, Gen.Int[0, 100]).Sample((length, position, value, cut) =>
        {
            var head = new LineHead();
            head.Remember(Record, length, Clock);
            var bytes = Record.ToArray();
            if (position < bytes.Length) bytes[position] = value;
            var text = bytes.AsSpan(0, Math.Min(cut, bytes.Length));
            Assert.Equal(head.IsStartOfScalar(text), head.IsStartOf(text));
            if (text.Length >= length && position >= length) Assert.True(head.IsStartOf(text));
        }, iter: 20_000);

    [Fact]
    public void A_digit_lane_takes_only_digits()
    {
        var head = new LineHead();
        head.Remember("7"u8, 1, 1);
        for (var b = 0; b < 256; b++)
        {
            var text = new byte[LineHead.MaxLength];
            text[0] = (byte)b;
            Assert.Equal(b is >= '0' and <= '9', head.IsStartOf(text));
            Assert.Equal(b is >= '0' and <= '9', head.IsStartOfScalar(text));
        }
    }

    [Fact]
    public void A_full_length_head_checks_all_64_lanes()
    {
        var head = new LineHead();
        head.Remember(Record, LineHead.MaxLength, 0);
        var text = Record[..LineHead.MaxLength].ToArray();
        Assert.True(head.IsStartOf(text));
        text[^1] ^= 1;
        Assert.False(head.IsStartOf(text));
        Assert.False(head.IsStartOfScalar(text));
    }
}
