using ErrorTrace.Server.Auth;
using ErrorTrace.Server.Demo;
using ErrorTrace.Server.Endpoints;
using ErrorTrace.Server.Fleet;
using ErrorTrace.Server.Hosting;
using ErrorTrace.Server.Jobs;
using ErrorTrace.Server.Options;
using ErrorTrace.Server.Panel;
using ErrorTrace.Server.Reports;
using ErrorTrace.Server.Telemetry;
using Prometheus;

namespace ErrorTrace.Server;

/// <summary>
/// <c>errortrace serve</c>: the errors API over a jobs database. This file is the table of contents; each line points
/// at the folder that holds the details.
/// </summary>
public sealed class Program
{
    private Program()
    {
    }

    /// <summary>The entry point test hosts call. A start-up failure is thrown (<see cref="ServeStartupException"/> for the
    /// operator's ones), not printed: <c>errortrace serve</c> (the CLI) prints its one line.</summary>
    public static Task<int> Main(string[] args) => RunAsync(args, CancellationToken.None);

    /// <summary>Builds and runs the service until <paramref name="cancellationToken"/> or a shutdown signal.</summary>
    public static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateBuilder(args);
        var startup = new StartupFailures();
        startup.Quieten(builder.Logging);                           // Hosting/: a taken port or a bad setting is one line, exit code 2
        builder.AddErrorTraceConfiguration(args);                   // Hosting/: appsettings.json, ERRORTRACE_* variables, command line
        builder.Services
            .AddServiceOptions(builder.Configuration)               // Options/: paths, database, table mapping, auth, CORS, cache, features
            .AddJobStore()                                          // Jobs/: SQLite or PostgreSQL repository of the jobs table
            .AddReports()                                           // Reports/ + Logs/: safe log lookup, the memory-bounded incremental cache
            .AddBearerAuth()                                        // Auth/: hashed API tokens, optional JWT, owner/admin scopes
            .AddApiErrors()                                         // Hosting/: problem+json for every error, no stack traces
            .AddConfiguredCors()                                    // Hosting/: allowed dashboard origins (none by default)
            .AddSnakeCaseJson()                                     // Hosting/: snake_case DTOs and report
            .AddDemo()                                              // Demo/: demo jobs, logs and tokens on first start
            .AddFleet(builder.Configuration)                        // Fleet/: the failed-job indexer, its own store, the webhook
            .AddOpenApi();                                          // /openapi/v1.json

        await using var app = builder.Build();
        app.UseRequestMetrics();                                    // Telemetry/: prometheus-net's UseHttpMetrics (route, method, status)
        app.UseApiResponseHeaders();                                // Hosting/: nosniff everywhere; private, no-cache and Vary on the API
        app.UseApiErrors();
        app.UseCors();
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapOpenApi();
        app.MapHealth();                                            // Endpoints/HealthEndpoints: /healthz, /readyz
        app.MapMetrics();                                           // /metrics (Prometheus; Telemetry/ServiceMetrics)
        app.MapJobs();                                              // Endpoints/JobsEndpoints: GET /api/training/jobs
        app.MapJobErrors();                                         // Endpoints/JobErrorsEndpoints: GET /api/training/{job_id}/errors
        app.MapFleet();                                             // Fleet/FleetEndpoints: GET /api/training/failures[/{signature}], /jobs/{job_id}/failure
        app.MapJobLog();                                            // Endpoints/JobLogEndpoints: GET /api/training/{job_id}/log?from=&to= (context lines)
        app.MapPanel();                                             // Panel/: / (jobs), /jobs/{id} (the panel), /panel/*.js (web/, built by web/panel.targets)

        var urls = ConfigurationSources.ListenUrls(app.Configuration);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (StartupFailures.Explain(ex, urls) is { } failure)
        {
            // The CLI prints the one line and exits with the code; the cause stays attached for hosts and tests.
            throw new ServeStartupException(failure.Message, ex) { ExitCode = failure.ExitCode };
        }

        startup.Started();
        await app.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
        return 0;
    }
}
