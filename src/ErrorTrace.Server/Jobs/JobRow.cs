using System.Data.Common;
using System.Globalization;
using ErrorTrace.Server.Data;

namespace ErrorTrace.Server.Jobs;

/// <summary>One row as the provider returns it. Columns are <see cref="object"/> because platforms store ids as integers
/// or text and timestamps as text, Unix seconds or <c>timestamptz</c>; <see cref="ToRecord"/> normalises them.</summary>
internal sealed class JobRow
{
    /// <summary>The current row of a <see cref="JobsSql"/> select, by the column aliases it gives.</summary>
    public static JobRow Read(DbDataReader reader) => new()
    {
        Id = reader.Value("Id"),
        Status = reader.Value("Status"),
        ErrorMessage = reader.Value("ErrorMessage"),
        Owner = reader.Value("Owner"),
        LogPath = reader.Value("LogPath"),
        CreatedAt = reader.Value("CreatedAt"),
        UpdatedAt = reader.Value("UpdatedAt"),
    };

    public object? Id { get; set; }

    public object? Status { get; set; }

    public object? ErrorMessage { get; set; }

    public object? Owner { get; set; }

    public object? LogPath { get; set; }

    public object? CreatedAt { get; set; }

    public object? UpdatedAt { get; set; }

    public JobRecord ToRecord() => new()
    {
        Id = Text(Id) ?? "",
        Status = (Text(Status) ?? "").Trim().ToLowerInvariant(),
        ErrorMessage = Text(ErrorMessage),
        Owner = Text(Owner),
        LogPath = Text(LogPath),
        CreatedAt = Timestamp(CreatedAt),
        UpdatedAt = Timestamp(UpdatedAt),
    };

    private static string? Text(object? value) => value switch
    {
        null or DBNull => null,
        string s => s,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private static DateTime? Timestamp(object? value) => value switch
    {
        DateTime d => d.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(d, DateTimeKind.Utc) : d.ToUniversalTime(),
        DateTimeOffset o => o.UtcDateTime,
        long seconds => DateTimeOffset.FromUnixTimeSeconds(seconds).UtcDateTime,
        double seconds => DateTimeOffset.FromUnixTimeMilliseconds((long)(seconds * 1000)).UtcDateTime,
        string s when DateTime.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed) => parsed,
        _ => null,
    };
}
