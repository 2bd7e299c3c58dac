using System.Data.Common;
using ErrorTrace.Server.Jobs;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ErrorTrace.Server.Endpoints;

/// <summary><c>/healthz</c> (the process answers) and <c>/readyz</c> (the jobs database can be read). No auth: load
/// balancers and orchestrators call them.</summary>
internal static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("").WithTags("Health");
        group.MapGet("/healthz", () => TypedResults.Ok(new HealthStatus("ok"))).WithName("Healthz");
        group.MapGet("/readyz", Ready).WithName("Readyz").ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        group.MapMethods("/healthz", [HttpMethods.Head], () => TypedResults.Ok(new HealthStatus("ok"))).ExcludeFromDescription();
        group.MapMethods("/readyz", [HttpMethods.Head], Ready).ExcludeFromDescription();
        return app;
    }

    private static async Task<Results<Ok<HealthStatus>, ProblemHttpResult>> Ready(IJobRepository jobs, ILoggerFactory logs, CancellationToken cancellationToken)
    {
        try
        {
            await jobs.PingAsync(cancellationToken).ConfigureAwait(false);
            return TypedResults.Ok(new HealthStatus("ready"));
        }
        catch (DbException ex)
        {
            logs.CreateLogger(typeof(HealthEndpoints)).LogWarning(ex, "Readiness check failed");
            return Problems.NotReady();
        }
        catch (InvalidOperationException ex)
        {
            logs.CreateLogger(typeof(HealthEndpoints)).LogWarning(ex, "Readiness check failed");
            return Problems.NotReady();
        }
    }
}
