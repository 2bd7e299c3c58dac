namespace ErrorTrace.Server.Hosting;

/// <summary>Every error is problem+json and none carries a stack trace: exceptions become a bare 500 problem, and bodiless
/// 401/404/405 answers get a problem body from the status-code-pages middleware.</summary>
internal static class ApiErrors
{
    public static IServiceCollection AddApiErrors(this IServiceCollection services) =>
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            // Never details of an exception, whatever the environment.
            context.ProblemDetails.Detail = context.Exception is null ? context.ProblemDetails.Detail : "The server could not answer this request.";
            context.ProblemDetails.Extensions.Remove("exception");
        });

    public static WebApplication UseApiErrors(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        return app;
    }
}
