using System.IO.Hashing;
using System.Runtime.InteropServices;
using System.Text;
using ErrorTrace.Core.Grouping;
using ErrorTrace.Core.Records;

namespace ErrorTrace.Core.Tests.Grouping;

/// <summary>A group's fingerprint is part of the report (its dedupe key): hashing the key in one call must give what
/// appending its pieces to a streaming XxHash3 gave, for any logger and phase length (a long one rents its buffer).</summary>
public class ErrorGroupTableTests
{
    [Theory]
    [InlineData("__main__", "PreTokenize", "Cannot use chat template for sample 17: falling back to raw text")]
    [InlineData("", "", "CUDA out of memory. Tried to allocate 2.00 GiB")]
    [InlineData("transformers.tokenization_utils_base", "", "Token indices sequence length is longer (4097 > 4096)")]
    [InlineData(null, "Main", "a logger longer than the key's scratch")]
    public void The_fingerprint_is_the_streaming_hash_of_level_source_logger_phase_and_masked_message(string? logger, string phase, string message)
    {
        logger ??= new string('l', 5_000);
        var table = new ErrorGroupTable();
        var group = table.Record(LogLevel.Error, "record", Encoding.UTF8.GetBytes(logger), Encoding.UTF8.GetBytes(phase), message, 1, 0, default);
        Assert.NotNull(group);

        var masked = new char[message.Length * 4 + 64];
        var length = Parameterizer.Mask(message, masked);
        var streaming = new XxHash3();
        streaming.Append([(byte)LogLevel.Error, (byte)"record".Length, (byte)'r', 0]);
        streaming.Append(Encoding.UTF8.GetBytes(logger));
        streaming.Append([0]);
        streaming.Append(Encoding.UTF8.GetBytes(phase));
        streaming.Append([0]);
        streaming.Append(MemoryMarshal.AsBytes(masked.AsSpan(0, length)));
        Assert.Equal(streaming.GetCurrentHashAsUInt64(), group.Fingerprint);
    }
}
