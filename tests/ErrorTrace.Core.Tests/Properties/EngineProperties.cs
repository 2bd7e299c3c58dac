using System.Text;
using CsCheck;
using ErrorTrace.Core.Tests.Engine;

namespace ErrorTrace.Core.Tests.Properties;

/// <summary>Properties that hold for every input: the parser never throws on content, chunking never matters, and
/// envelopes (CRI, ANSI, host prefixes) never change what is found.</summary>
public class EngineProperties
{
    private static readonly string[] s_lines =
    [
        "[2025-12-10 03:58:20] [__main__] [INFO] [SFT] step 10/100 loss=1.234",
        "[2025-12-10 03:58:22] [__main__] [ERROR] [Main] Training failed with error: CUDA out of memory.",
        "[2025-12-10 03:58:22] [__main__] [ERROR] Full traceback:",
        "Traceback (most recent call last):",
        "  File \"/app/train.py\", line 12, in main",
        "    trainer.train()",
        "    ~~~~~~~~~~~~~^^",
        "  File \"/app/trainer.py\", line 99, in train",
        "torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 20.00 MiB",
        "",
        "The above exception was the direct cause of the following exception:",
        "During handling of the above exception, another exception occurred:",
        "ValueError: bad",
        "  + Exception Group Traceback (most recent call last):",
        "  | ExceptionGroup: eg (2 sub-exceptions)",
        "  +-+---------------- 1 ----------------",
        "    | ValueError: 1",
        "    +------------------------------------",
        "Fatal Python error: Segmentation fault",
        "Current thread 0x00007f0a (most recent call first):",
        "  File \"/app/x.py\", line 3 in f",
        "terminate called after throwing an instance of 'c10::Error'",
        "  what():  CUDA error: device-side assert triggered",
        "frame #0: c10::Error::Error() + 0x57 (0x7f in /lib/libc10.so)",
        "Killed",
        "/app/x.py:12: UserWarning: careful",
        "WARNING:torch.distributed.elastic.multiprocessing.api:Sending process 1 closing signal SIGTERM",
        "E0325 20:57:27.620000 2606 api.py:869] failed (exitcode: -9) local_rank: 0 (pid: 1) of binary: python",
        "  45%|████▌     | 450/1000 [00:10<00:12, 45.00it/s]",
    ];

    private static readonly Gen<string> s_log = Gen.Int[0, s_lines.Length - 1].Array[0, 60]
        .Select(indexes => string.Join("\n", indexes.Select(i => s_lines[i])) + "\n");

    [Fact]
    public void Random_bytes_never_throw() =>
        Gen.Byte.Array[0, 4096].Sample(bytes =>
        {
            // The one exception by design: a valid gzip header (RFC 1952: 1F 8B, CM 8, FLG's reserved bits clear) with
            // nothing decompressible behind it is unreadable input (LogFile.Feed), not a log.
            if (bytes.Length >= 4 && bytes[0] == 0x1F && bytes[1] == 0x8B && bytes[2] == 8 && (bytes[3] & 0xE0) == 0)
            {
                try
                {
                    Assert.NotNull(Analyze.Bytes(bytes).Log);
                }
                catch (InvalidDataException)
                {
                }

                return;
            }

            Assert.NotNull(Analyze.Bytes(bytes).Log);
        }, iter: 400);

    [Fact]
    public void Random_lines_never_throw_and_chunk_size_never_matters() =>
        Gen.Select(s_log, Gen.Int[1, 64]).Sample((log, chunk) =>
        {
            var bytes = Encoding.UTF8.GetBytes(log);
            Assert.Equal(Analyze.Comparable(Analyze.Bytes(bytes)), Analyze.Comparable(Analyze.Chunked(bytes, chunk)));
        }, iter: 300);

    /// <summary>Progress-bar frames (bare <c>\r</c>) are jumped over when a whole line is in the chunk and cut one by
    /// one when it is not: chunks of one byte take the slow path everywhere, one chunk the fast path.</summary>
    [Fact]
    public void Progress_frames_read_the_same_whatever_the_chunking() =>
        Gen.Select(Gen.Int[0, s_lines.Length - 1].Array[1, 40], Gen.Int[0, 3].Array[40], Gen.Int[1, 64]).Sample((indexes, ends, chunk) =>
        {
            var log = new StringBuilder();
            for (var i = 0; i < indexes.Length; i++) log.Append(s_lines[indexes[i]]).Append(ends[i] switch { 0 => "\r", 1 => "\r\n", _ => "\n" });
            var bytes = Encoding.UTF8.GetBytes(log.ToString());
            var whole = Analyze.Comparable(Analyze.Bytes(bytes));
            Assert.Equal(whole, Analyze.Comparable(Analyze.Chunked(bytes, 1)));
            Assert.Equal(whole, Analyze.Comparable(Analyze.Chunked(bytes, chunk)));
        }, iter: 300);

    [Fact]
    public void Cri_envelope_never_changes_the_report() =>
        s_log.Sample(log =>
        {
            var wrapped = string.Concat(log.Split('\n').SkipLast(1).Select(l => $"2025-12-10T03:58:22.123456789Z stderr F {l}\n"));
            Assert.Equal(Analyze.ComparableBesidesEnvironment(Analyze.Text(log)), Analyze.ComparableBesidesEnvironment(Analyze.Text(wrapped)));
        }, iter: 200);

    [Fact]
    public void A_ray_process_label_never_changes_the_report() =>
        s_log.Sample(log =>
        {
            var labelled = string.Concat(log.Split('\n').SkipLast(1).Select(l => $"(RayTrainWorker pid=2345, ip=10.0.0.3) {l}\n"));
            Assert.Equal(Analyze.ComparableBesidesEnvironment(Analyze.Text(log)), Analyze.ComparableBesidesEnvironment(Analyze.Text(labelled)));
        }, iter: 200);

    [Fact]
    public void Ansi_colours_never_change_the_report() =>
        s_log.Sample(log =>
        {
            var coloured = log.Replace("Error", "\u001b[1;35mError\u001b[0m", StringComparison.Ordinal)
                .Replace("File \"", "File \u001b[35m\"", StringComparison.Ordinal)
                .Replace("^", "\u001b[31m^\u001b[0m", StringComparison.Ordinal);
            Assert.Equal(Analyze.ComparableBesidesEnvironment(Analyze.Text(log)), Analyze.ComparableBesidesEnvironment(Analyze.Text(coloured)));
        }, iter: 200);

    [Fact]
    public void Crlf_line_ends_never_change_the_report() =>
        s_log.Sample(log =>
            Assert.Equal(Analyze.ComparableBesidesEnvironment(Analyze.Text(log)), Analyze.ComparableBesidesEnvironment(Analyze.Text(log.Replace("\n", "\r\n", StringComparison.Ordinal)))),
            iter: 200);

    [Fact]
    public void Cri_partial_lines_are_joined()
    {
        const string line = "torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 20.00 MiB";
        var plain = "Traceback (most recent call last):\n  File \"/app/x.py\", line 1, in <module>\n" + line + "\n";
        var split = "2025-12-10T03:58:22.1Z stderr F Traceback (most recent call last):\n"
            + "2025-12-10T03:58:22.1Z stderr F   File \"/app/x.py\", line 1, in <module>\n"
            + $"2025-12-10T03:58:22.1Z stderr P {line[..20]}\n2025-12-10T03:58:22.1Z stderr P {line[20..40]}\n2025-12-10T03:58:22.1Z stderr F {line[40..]}\n";
        var expected = Analyze.Text(plain).Traceback!;
        var actual = Analyze.Text(split).Traceback!;
        Assert.Equal(expected.ExceptionType, actual.ExceptionType);
        Assert.Equal(expected.ExceptionMessage, actual.ExceptionMessage);
    }
}
