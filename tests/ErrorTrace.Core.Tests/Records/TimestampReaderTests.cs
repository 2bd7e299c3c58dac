using CsCheck;
using ErrorTrace.Core.Records;

namespace ErrorTrace.Core.Tests.Records;

/// <summary>The ISO reader checks and converts 16 bytes as one vector where it can; it must answer exactly as reading
/// the fields one byte at a time does, for timestamps and for near misses.</summary>
public class TimestampReaderTests
{
    /// <summary>A valid timestamp with each byte possibly replaced: digits, separators, letters, anything.</summary>
    private static readonly Gen<byte[]> s_candidates =
        Gen.Select(Gen.Int[0, 9999], Gen.Int[0, 99], Gen.Int[0, 99], Gen.Int[0, 99], Gen.Int[0, 99], Gen.Int[0, 99],
                Pick("", ",123", ".123456789", ".1234567891", "Z", ".5Z", ","))
            .Select((y, mo, d, h, mi, s, tail) => System.Text.Encoding.ASCII.GetBytes($"{y:0000}-{mo:00}-{d:00} {h:00}:{mi:00}:{s:00}{tail}  "))
            .SelectMany(bytes => Gen.Int[0, bytes.Length - 1].Array[0, 3].SelectMany(positions =>
                Gen.OneOf(Gen.Byte, Pick((byte)'T', (byte)'-', (byte)':', (byte)' ', (byte)'0', (byte)'9', (byte)'/'))
                    .Array[positions.Length].Select(values =>
                    {
                        var copy = (byte[])bytes.Clone();
                        for (var i = 0; i < positions.Length; i++) copy[positions[i]] = values[i];
                        return copy;
                    })));

    private static Gen<T> Pick<T>(params T[] values) => Gen.Int[0, values.Length - 1].Select(i => values[i]);

    [Fact]
    public void Reads_as_the_byte_by_byte_reader_does() =>
        Gen.Select(s_candidates, Gen.Int[0, 2]).Sample((bytes, offset) =>
        {
            var line = new byte[offset].Concat(bytes).ToArray();
            var end = TimestampReader.ReadIso(line, offset, out var timestamp);
            var expectedEnd = Reference(line, offset, out var expected);
            Assert.Equal(expectedEnd, end);
            Assert.Equal(expected, timestamp);
        }, iter: 20_000);

    [Theory]
    [InlineData("2025-12-10 03:58:22", 19, 2025, 12, 10, 3, 58, 22, 0, false)]
    [InlineData("2025-12-10T03:58:22.123456789Z rest", 30, 2025, 12, 10, 3, 58, 22, 1_234_567, true)]
    [InlineData("2024-01-01 12:00:00,123]", 23, 2024, 1, 1, 12, 0, 0, 1_230_000, false)]
    public void Reads_the_fields(string text, int end, int year, int month, int day, int hour, int minute, int second, int ticks, bool utc)
    {
        Assert.Equal(end, TimestampReader.ReadIso(System.Text.Encoding.ASCII.GetBytes(text), 0, out var t));
        Assert.Equal(new RawTimestamp(year, month, day, hour, minute, second, ticks, utc), t);
    }

    [Theory]
    [InlineData("2025-12-10 03:58:2")]
    [InlineData("2025-12-10_03:58:22")]
    [InlineData("2025-12-1O 03:58:22")]
    [InlineData("2025/12/10 03:58:22")]
    public void Near_misses_are_not_timestamps(string text) =>
        Assert.Equal(-1, TimestampReader.ReadIso(System.Text.Encoding.ASCII.GetBytes(text), 0, out _));

    /// <summary>The format, one field at a time.</summary>
    private static int Reference(byte[] s, int i, out RawTimestamp timestamp)
    {
        timestamp = default;
        if (s.Length - i < 19) return -1;
        int Field(int at, int count)
        {
            var value = 0;
            for (var k = 0; k < count; k++)
            {
                if (s[i + at + k] is < (byte)'0' or > (byte)'9') return -1;
                value = (value * 10) + (s[i + at + k] - '0');
            }

            return value;
        }

        if (s[i + 4] != '-' || s[i + 7] != '-' || (s[i + 10] != ' ' && s[i + 10] != 'T') || s[i + 13] != ':' || s[i + 16] != ':') return -1;
        int[] fields = [Field(0, 4), Field(5, 2), Field(8, 2), Field(11, 2), Field(14, 2), Field(17, 2)];
        if (fields.Any(f => f < 0)) return -1;
        var end = i + 19;
        var ticks = 0;
        if (end + 1 < s.Length && s[end] is (byte)',' or (byte)'.' && s[end + 1] is >= (byte)'0' and <= (byte)'9')
        {
            end++;
            var digits = 0;
            while (end < s.Length && s[end] is >= (byte)'0' and <= (byte)'9')
            {
                if (digits < 7) ticks += (s[end] - '0') * (int)Math.Pow(10, 6 - digits);
                digits++;
                end++;
            }
        }

        var utc = end < s.Length && s[end] == 'Z';
        if (utc) end++;
        timestamp = new RawTimestamp(fields[0], fields[1], fields[2], fields[3], fields[4], fields[5], ticks, utc);
        return end;
    }
}
