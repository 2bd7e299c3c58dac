namespace ErrorTrace.Core.Reports;

/// <summary>
/// The exception another process raised, as the message of its re-raise quotes it: PyTorch's DataLoader re-raises a
/// worker's exception as <c>Caught FileNotFoundError in DataLoader worker process 3.</c> followed by the worker's
/// <c>Original Traceback (most recent call last):</c>. The worker's exception is what went wrong; the re-raise says
/// where it surfaced.
/// </summary>
public sealed record WorkerFailure
{
    public required string ExceptionType { get; init; }

    public required string ExceptionMessage { get; init; }

    /// <summary>The worker's frames, innermost last.</summary>
    public IReadOnlyList<TracebackFrame> Frames { get; init; } = [];

    /// <summary>Where it was raised, as the re-raise names it (<c>DataLoader worker process 3</c>), or null.</summary>
    public string? RaisedIn { get; init; }
}
