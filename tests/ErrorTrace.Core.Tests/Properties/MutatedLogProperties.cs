using System.Text;
using CsCheck;
using ErrorTrace.Core.Tests.Engine;
using ErrorTrace.Core.Tests.RealLogs;

namespace ErrorTrace.Core.Tests.Properties;

/// <summary>
/// What a crashing process writes is a real log damaged: lines cut anywhere (a buffer flushed mid-line, a pod killed
/// mid-write), pieces of other processes' output spliced in, stray bytes. Random bytes rarely look like a header or a
/// frame, so they miss the parsers' deeper paths; damaged real logs reach them (a TensorFlow line with a colon right
/// after its timestamp once threw from the header parser). The lines come from the real and golden corpora.
/// </summary>
public class MutatedLogProperties
{
    /// <summary>Enough lines from every kind of log the corpora hold; more only slows the test.</summary>
    private const int MaxLinesPerLog = 200;

    private static readonly Lazy<string[]> s_lines = new(() =>
    {
        var logs = Directory.GetFiles(RealLogCorpus.Directory, "*.log")
            .Concat(Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Corpus", "golden"), "*.log").Where((_, i) => i % 7 == 0));
        return logs.SelectMany(path => File.ReadLines(path).Take(MaxLinesPerLog)).Distinct().ToArray();
    });

    private static readonly string[] s_inserts = ["\r", "\u001b[31m", "\u001b[", "\0", "\ufffd", ":", "]", "[", " ", "\t", "|", "\"", ","];

    /// <summary>A line as written, cut at a random place, or with a stray byte or control character inside.</summary>
    private static string Damaged(int pick, int kind, int at, int insert)
    {
        var line = s_lines.Value[pick % s_lines.Value.Length];
        at %= line.Length + 1;
        return kind switch
        {
            0 => line[..at],
            1 => line[at..],
            2 => line.Insert(at, s_inserts[insert % s_inserts.Length]),
            _ => line,
        };
    }

    private static Gen<string> Log =>
        Gen.Select(Gen.Int[0, int.MaxValue], Gen.Int[0, 5], Gen.Int[0, int.MaxValue], Gen.Int[0, int.MaxValue])
            .Select((pick, kind, at, insert) => Damaged(pick, kind, at, insert))
            .Array[1, 80]
            .Select(lines => string.Join('\n', lines) + "\n");

    [Fact]
    public void Damaged_real_logs_never_throw_and_chunking_never_matters() =>
        Gen.Select(Log, Gen.Int[1, 97]).Sample((log, chunk) =>
        {
            var bytes = Encoding.UTF8.GetBytes(log);
            var whole = Analyze.Bytes(bytes);
            Assert.NotNull(whole.Log);
            Assert.Equal(Analyze.Comparable(whole), Analyze.Comparable(Analyze.Chunked(bytes, chunk)));
        }, iter: 300);
}
