namespace ErrorTrace.Core.Records;

/// <summary>A timestamp's fields as printed, kept unconverted: most lines' timestamps are never needed, so building a
/// <see cref="DateTime"/> waits until a report asks. <see cref="Year"/> 0 means the format printed none (glog).</summary>
internal readonly record struct RawTimestamp(int Year, int Month, int Day, int Hour, int Minute, int Second, int FractionTicks, bool IsUtc)
{
    public bool HasValue => Month != 0;

    /// <summary>The UTC instant, or null when the fields do not form a valid date.</summary>
    public DateTime? ToUtc(TimeZoneInfo zone, int fallbackYear)
    {
        if (!HasValue) return null;
        var year = Year == 0 ? fallbackYear : Year;
        if (year is < 1 or > 9999 || Month is < 1 or > 12 || Day < 1 || Day > DateTime.DaysInMonth(year, Month)
            || Hour > 23 || Minute > 59 || Second > 60) return null;
        var local = new DateTime(year, Month, Day, Hour, Minute, Math.Min(Second, 59), DateTimeKind.Unspecified).AddTicks(FractionTicks);
        if (IsUtc || zone == TimeZoneInfo.Utc) return DateTime.SpecifyKind(local, DateTimeKind.Utc);
        try
        {
            return TimeZoneInfo.ConvertTimeToUtc(local, zone);
        }
        catch (ArgumentException)
        {
            // A local time skipped by a daylight-saving jump: keep the wall clock rather than lose the timestamp.
            return DateTime.SpecifyKind(local, DateTimeKind.Utc);
        }
    }
}
