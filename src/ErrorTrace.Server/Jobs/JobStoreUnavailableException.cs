using System.Data.Common;

namespace ErrorTrace.Server.Jobs;

/// <summary>The jobs database cannot be read right now (its file is gone). A <see cref="DbException"/>, so it is
/// answered like any other database failure: 503 with a problem body, and <c>/readyz</c> not ready.</summary>
public sealed class JobStoreUnavailableException : DbException
{
    public JobStoreUnavailableException()
    {
    }

    public JobStoreUnavailableException(string message)
        : base(message)
    {
    }

    public JobStoreUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
