using ErrorTrace.Core.Records;

namespace ErrorTrace.Core.Analysis;

/// <summary>
/// A warning or error record whose first line is empty (<c>logger.error("\n" + details)</c>, torchrun's banner opening
/// with an empty <c>W… run.py:793] </c>). It becomes a group only when a continuation line gives it a message; a new
/// record, a blank line or a block opening first drops it, so no group with an empty message is ever reported.
/// </summary>
internal sealed record PendingRecord(LogLevel Level, byte[] Logger, byte[] Phase, long LineNumber, RawTimestamp Timestamp);
