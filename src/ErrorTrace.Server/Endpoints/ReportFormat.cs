namespace ErrorTrace.Server.Endpoints;

/// <summary>
/// Which form of the report a request asks for: JSON (the contract, the default) or the Markdown that
/// <c>errortrace analyze --format markdown</c> prints, for pasting into an issue. <c>?format=</c> wins over
/// <c>Accept</c>, because a link or a curl line is easier to write with a query than with a header.
/// </summary>
internal enum ReportFormat
{
    Json,
    Markdown,
}
