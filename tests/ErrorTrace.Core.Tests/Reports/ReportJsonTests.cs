using ErrorTrace.Core.Reports;

namespace ErrorTrace.Core.Tests.Reports;

public class ReportJsonTests
{
    [Fact]
    public void Serializes_snake_case_with_utc_z_timestamps_and_nulls()
    {
        var report = new ErrorReport
        {
            JobId = "42",
            Status = "failed",
            Errors = [new ErrorEntry { Level = "error", Message = "boom", DedupeKey = "k", Count = 3, Timestamp = new DateTime(2025, 12, 10, 3, 58, 22, DateTimeKind.Utc) }],
        };

        var json = ReportJson.Serialize(report);

        Assert.Contains("\"job_id\":\"42\"", json);
        Assert.Contains("\"error_summary\":null", json);
        Assert.Contains("\"timestamp\":\"2025-12-10T03:58:22Z\"", json);
        Assert.Contains("\"dedupe_key\":\"k\"", json);
        Assert.Contains("\"traceback\":null", json);
    }
}
