namespace ErrorTrace.Core.Records;

/// <summary>What a record header said. Ranges index the line's bytes; <see cref="MessageStart"/> is where the message begins.</summary>
internal struct RecordHeader
{
    public LogLevel Level;
    public int MessageStart;
    public Range Logger;
    public Range Phase;
    public RawTimestamp Timestamp;
}
