using System.IO.Compression;
using System.Text;
using ErrorTrace.Core.Input;
using ErrorTrace.Core.Reports;
using ErrorTrace.Core.Tests.Golden;

namespace ErrorTrace.Core.Tests.Input;

/// <summary>Reading a file through memory-mapped 4 MiB windows must give the very report that read() copies give,
/// whatever falls on a window's edge: a line, a <c>\r\n</c> pair, a progress bar, a traceback.</summary>
public sealed class MappedFileFeedTests : IDisposable
{
    private const int Window = 4 * 1024 * 1024;

    private readonly string _directory = Directory.CreateTempSubdirectory("errortrace-mmap-").FullName;

    [Fact]
    public void A_log_across_several_windows_gives_the_same_report_as_copies()
    {
        var path = Write("job_7.log", BuildLog());
        Assert.True(new FileInfo(path).Length > 2 * Window);
        var expected = Json(LogFile.Analyze(path, memoryMap: false, cancellationToken: TestContext.Current.CancellationToken));
        var mapped = Json(LogFile.Analyze(path, memoryMap: true, cancellationToken: TestContext.Current.CancellationToken));
        Assert.Equal(expected, mapped);
        Assert.Contains("\"traceback\":{", mapped, StringComparison.Ordinal);
        Assert.Contains("the second window starts in this message", mapped, StringComparison.Ordinal);
    }

    [Fact]
    public void A_gzip_file_is_still_decompressed_when_maps_are_asked_for()
    {
        var log = BuildLog();
        var plain = Write("job_8.log", log);
        var gzipped = Path.Combine(_directory, "job_8.log.gz");
        using (var gzip = new GZipStream(File.Create(gzipped), CompressionLevel.Fastest)) gzip.Write(log);
        var expected = LogFile.Analyze(plain, memoryMap: true, cancellationToken: TestContext.Current.CancellationToken);
        var actual = LogFile.Analyze(gzipped, memoryMap: true, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(expected.Log!.Lines, actual.Log!.Lines);
        Assert.Equal(Json(expected with { Log = actual.Log }), Json(actual));
    }

    /// <summary>Golden logs (every traceback shape CPython prints) repeated past two windows, with a <c>\r\n</c> split by
    /// the first window's edge and the second's inside a traceback's message.</summary>
    private static byte[] BuildLog()
    {
        var log = new List<byte>();
        var golden = GoldenCorpus.CaseNames().Select(c => File.ReadAllBytes(GoldenCorpus.LogPath(c))).ToList();
        void AddGoldenUntil(int size)
        {
            for (var i = 0; log.Count < size; i++) log.AddRange(golden[i % golden.Count]);
        }

        AddGoldenUntil(Window - (256 * 1024));
        Pad(log, Window - 1);
        log.AddRange("\r\n"u8.ToArray()); // '\r' is the first window's last byte, '\n' the second's first
        AddGoldenUntil(2 * Window - (256 * 1024));
        var traceback = Encoding.UTF8.GetBytes(
            "  1%|  | 1/100\r  2%|  | 2/100\r  3%|  | 3/100\n" +
            "Traceback (most recent call last):\n  File \"/srv/train.py\", line 12, in <module>\n    main()\n" +
            "ValueError: the second window starts in this message\n");
        Pad(log, 2 * Window - traceback.Length + 20); // the edge falls 20 bytes before the end, in the message
        log.AddRange(traceback);
        AddGoldenUntil(2 * Window + (Window / 2));
        return [.. log];
    }

    /// <summary>Plain lines up to <paramref name="end"/> bytes.</summary>
    private static void Pad(List<byte> log, int end)
    {
        Assert.True(log.Count < end - 1);
        log.Add((byte)'\n');
        while (log.Count < end) log.Add(log.Count == end - 1 ? (byte)'\n' : (byte)'x');
    }

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static string Json(ErrorReport report) => ReportJson.Serialize(report);

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
