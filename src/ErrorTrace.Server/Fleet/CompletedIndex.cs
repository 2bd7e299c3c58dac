namespace ErrorTrace.Server.Fleet;

/// <summary>What completing a job's index decided, for notifications: the signature is new (this replica inserted it),
/// and/or it has just crossed the burst threshold (this replica marked it), with its jobs in the window.</summary>
internal sealed record CompletedIndex(bool Stored, bool NewSignature, bool Burst, long JobsInWindow);
