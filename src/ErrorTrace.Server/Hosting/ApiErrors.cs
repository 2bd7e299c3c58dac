namespace ErrorTrace.Server.Hosting;

/// <summary>Every error is problem+json and none carries a stack trace: exceptions become a bare 500 problem, and bodiless
/// 401/404/405 answers get a problem body from the status-code-pages middleware; an unreadable jobs database is a 503
/// (<see cref="StoreUnavailableHandler"/>).</summary>
internal static class ApiErrors
{
    public static IServiceCollection AddApiErrors(this IServiceCollection services) =>
        services.AddExceptionHandler<StoreUnavailableHandler>()
            .AddProblemDetails(options => options.CustomizeProblemDetails = context =>
            {
                // Never details of an exception, whatever the environment (the 503's own detail is kept).
                if (context.Exception is not null && context.ProblemDetails.Status != StatusCodes.Status503ServiceUnavailable)
                    context.ProblemDetails.Detail = "The server could not answer this request.";
                context.ProblemDetails.Extensions.Remove("exception");
            });

    public static WebApplication UseApiErrors(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        return app;
    }
}
