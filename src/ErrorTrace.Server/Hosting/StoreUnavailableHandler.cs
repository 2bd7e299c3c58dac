using System.Data.Common;
using Microsoft.AspNetCore.Diagnostics;

namespace ErrorTrace.Server.Hosting;

/// <summary>A database that cannot be read (gone, replaced by a corrupt file, unreachable) is not a bug in the request:
/// 503 with a problem body and <c>Retry-After</c>, so clients and load balancers retry instead of reporting a 500.</summary>
internal sealed class StoreUnavailableHandler(IProblemDetailsService problems, ILogger<StoreUnavailableHandler> logger) : IExceptionHandler
{
    /// <summary>Seconds a client should wait: long enough for an operator's restore, short enough for a dashboard.</summary>
    private const int RetryAfterSeconds = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (exception is not DbException) return false;
        logger.LogWarning("The jobs database cannot be read: {Message}", exception.Message);
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "Jobs database unavailable",
                Detail = "The jobs database cannot be read right now; retry shortly.",
            },
        }).ConfigureAwait(false);
    }
}
