using System.Text.Json;
using ErrorTrace.Core.Input;
using ErrorTrace.Core.Reports;
using ErrorTrace.Core.Tests.RealLogs;

namespace ErrorTrace.Core.Tests.Reports;

/// <summary>The hand-written report writer must write what the source-generated serializer writes, byte for byte, on
/// every report the corpora make (chains, groups, sub-exceptions, non-ASCII text, nulls), compact and indented.</summary>
public class ReportJsonWriterTests
{
    public static TheoryData<string> Logs()
    {
        var golden = Path.Combine(AppContext.BaseDirectory, "Corpus", "golden");
        var logs = Directory.GetFiles(RealLogCorpus.Directory, "*.log")
            .Concat(Directory.GetFiles(golden, "*.log", SearchOption.AllDirectories).Where((_, i) => i % 5 == 0))
            .Select(p => Path.GetRelativePath(AppContext.BaseDirectory, p));
        return [.. logs];
    }

    [Theory]
    [MemberData(nameof(Logs))]
    public void Writes_what_the_serializer_writes(string log)
    {
        var report = LogFile.Analyze(Path.Combine(AppContext.BaseDirectory, log), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(JsonSerializer.Serialize(report, ReportJsonContext.Default.ErrorReport), ReportJson.Serialize(report));
        Assert.Equal(JsonSerializer.Serialize(report, ReportJsonContext.Indented.ErrorReport), ReportJson.Serialize(report, indented: true));
    }

    [Fact]
    public void Writes_every_field_the_serializer_writes()
    {
        var frame = new TracebackFrame { File = "/app/tra\u00efn.py", Line = 12, Function = "main", Code = "x = \"<y>\" & 'z'" };
        var inner = new TracebackInfo { Raw = "r", ExceptionType = "ValueError", ExceptionMessage = "1", Kind = "python", Frames = [frame] };
        var report = new ErrorReport
        {
            JobId = "7",
            Status = "failed",
            ErrorSummary = "ValueError: bad \u2014 \u4e2d",
            Errors = [new ErrorEntry { Level = "warning", Message = "m\n\tn", DedupeKey = "k", Count = 2, Ranks = [0, 3], FirstLine = 9,
                Timestamp = new DateTime(2025, 12, 10, 3, 58, 22, 123, DateTimeKind.Utc).AddTicks(4567), LastTimestamp = new DateTime(2025, 12, 10, 3, 59, 0, DateTimeKind.Utc) }],
            Traceback = inner with
            {
                Chain = [new ChainLink { ExceptionType = "KeyError", ExceptionMessage = "'a'", Relation = "context", Frames = [frame with { Line = null, Code = null }] }],
                SubExceptions = [inner],
                Rank = 3,
                Ranks = [3],
                Count = 4,
                FirstLine = 2,
                ExceptionLine = 5,
                Phase = "SFT",
                Logger = "__main__",
                Secondary = true,
                Timestamp = new DateTime(2025, 12, 10, 3, 58, 22, DateTimeKind.Utc),
            },
            Tracebacks = [inner],
            Analysis = new FailureAnalysis { ErrorType = "user_code", ErrorPhase = "training", Description = "d", Confidence = "low", Suggestions = ["s"], RuleId = "r", Evidence = [new EvidenceLine(4, "e")], RootRank = 3 },
            Log = new LogInfo { Path = "/logs/job_7.log", SizeBytes = 100, Lines = 5, TruncatedLines = 1, Missing = true },
            Notes = ["n"],
        };

        Assert.Equal(JsonSerializer.Serialize(report, ReportJsonContext.Default.ErrorReport), ReportJson.Serialize(report));
        Assert.Equal(JsonSerializer.Serialize(report, ReportJsonContext.Indented.ErrorReport), ReportJson.Serialize(report, indented: true));
        using var stream = new MemoryStream();
        ReportJson.Serialize(stream, report);
        Assert.Equal(ReportJson.Serialize(report), System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }
}
