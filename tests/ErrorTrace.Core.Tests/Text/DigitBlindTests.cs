using System.Text;
using CsCheck;
using ErrorTrace.Core.Grouping;
using ErrorTrace.Core.Text;

namespace ErrorTrace.Core.Tests.Text;

/// <summary>The digit-blind key of the error table's memo: its vector path agrees with the loop, and (what makes the
/// memo exact) no message mask can tell two messages with the same key apart. A mask that looks at a digit's value
/// would fail the second test: then the memo's key must keep what that mask reads.</summary>
public class DigitBlindTests
{
    private static readonly Gen<string> s_piece = Gen.OneOf(
        Gen.Const("Tried to allocate "), Gen.Const(" MiB"), Gen.Const("0x7f3a"), Gen.Const("0X1F"), Gen.Const("1x2"), Gen.Const("10.0.0.3:29500"),
        Gen.Const("2025-12-10 03:58:22,104"), Gen.Const("03:58:22"), Gen.Const("123e4567-e89b-12d3-a456-426614174000"),
        Gen.Const("deadbeef12"), Gen.Const("1800000 milliseconds"), Gen.Const("2.5s"), Gen.Const("'flash_attn'"), Gen.Const("\"a 1 b\""),
        Gen.Const("/tmp/run_17/x"), Gen.Const("rank3"), Gen.Const("cuda:1"), Gen.Const("1e-5"), Gen.Const("v1.2.3"),
        Gen.String[Gen.Char["0123456789xXabcdefABCDEF .:-_/'\"`,()[]é"], 0, 12]);

    private static readonly Gen<string> s_message = s_piece.Array[0, 16].Select(p => string.Concat(p));

    [Fact]
    public void The_vector_path_agrees_with_the_loop() =>
        s_message.Sample(message =>
        {
            var buffer = new char[message.Length];
            Assert.Equal(DigitBlind.WriteScalar(message), DigitBlind.Write(message, buffer).ToString());
        }, iter: 5_000);

    [Fact]
    public void Forgets_digits_but_a_hex_literals_zero() =>
        Assert.Equal("sample 11 at 0x1f, 1x1 and 0X11", DigitBlind.Write("sample 17 at 0x7f, 3x4 and 0X09", new char[64]).ToString());

    [Fact]
    public void The_masks_cannot_tell_messages_with_the_same_key_apart() =>
        Gen.Select(s_message, Gen.Int.Array[64]).Sample((message, seeds) =>
        {
            // The same message with other digits wherever the key forgets them.
            var other = new StringBuilder(message);
            for (var i = 0; i < other.Length; i++)
            {
                if (!char.IsAsciiDigit(other[i])) continue;
                var beforeX = i + 1 < other.Length && other[i + 1] is 'x' or 'X';
                var random = (int)(((uint)seeds[i % seeds.Length] >> (i % 8)) % 10);
                // A 0 before an x stays; another digit there must not become one.
                if (!beforeX) other[i] = (char)('0' + random);
                else if (other[i] != '0') other[i] = (char)('1' + (random % 9));
            }

            Assert.Equal(DigitBlind.WriteScalar(message), DigitBlind.WriteScalar(other.ToString()));
            Assert.Equal(Masked(message), Masked(other.ToString()));
        }, iter: 5_000);

    private static string Masked(string message)
    {
        var buffer = new char[4 * message.Length + 64];
        return new string(buffer, 0, Parameterizer.Mask(message, buffer));
    }
}
