using System.Text;
using ErrorTrace.Core.Records;

namespace ErrorTrace.Core.Tests.Records;

/// <summary>Level words are compared as integers folded to upper case: every spelling in any case, nothing else.</summary>
public class AsciiScannerTests
{
    [Theory]
    [InlineData("INFO", "Info")]
    [InlineData("info", "Info")]
    [InlineData("Warn", "Warning")]
    [InlineData("WARNING", "Warning")]
    [InlineData("warning", "Warning")]
    [InlineData("DEBUG", "Debug")]
    [InlineData("trace", "Debug")]
    [InlineData("Error", "Error")]
    [InlineData("FATAL", "Critical")]
    [InlineData("critical", "Critical")]
    [InlineData("INF0", "None")]
    [InlineData("WARNIN", "None")]
    [InlineData("WARXING", "None")]
    [InlineData("WARNINGS", "None")]
    [InlineData("ERRO\u00D2", "None")]
    [InlineData("CRITICAL!", "None")]
    [InlineData("I", "None")]
    [InlineData("", "None")]
    public void Reads_level_words(string word, string expected) =>
        Assert.Equal(expected, AsciiScanner.Level(Encoding.Latin1.GetBytes(word)).ToString());

    [Fact]
    public void A_byte_that_only_folds_to_a_letter_is_not_one()
    {
        // 0xC9 & ~0x20 is 0xC9, not 'I': only bit 5 is folded, so no byte outside a-z/A-Z can pass for a letter.
        for (var b = 0; b < 256; b++)
        {
            var word = new[] { (byte)b, (byte)'N', (byte)'F', (byte)'O' };
            var isI = b is 'I' or 'i';
            Assert.Equal(isI ? LogLevel.Info : LogLevel.None, AsciiScanner.Level(word));
        }
    }
}
