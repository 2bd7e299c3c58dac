using System.Security.Claims;
using ErrorTrace.Core.Reports;
using ErrorTrace.Server.Auth;
using ErrorTrace.Server.Jobs;
using ErrorTrace.Server.Logs;
using ErrorTrace.Server.Options;
using ErrorTrace.Server.Reports;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace ErrorTrace.Server.Endpoints;

/// <summary><c>GET /api/training/{job_id}/errors</c>: the seed's contract.</summary>
internal static class JobErrorsEndpoints
{
    public static IEndpointRouteBuilder MapJobErrors(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/training").RequireAuthorization().WithTags("Errors");
        group.MapGet("/{job_id}/errors", GetErrors)
            .WithName("GetJobErrors")
            .WithSummary("The job's root-cause report (the seed's ErrorResponse plus additive fields).")
            .Produces<ErrorReport>(StatusCodes.Status200OK, "application/json")
            .Produces<string>(StatusCodes.Status200OK, ReportFormats.MarkdownMediaType)
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);
        // HEAD wherever GET is (Kestrel sends the headers, Content-Length included, and no body); documented once, as GET.
        group.MapMethods("/{job_id}/errors", [HttpMethods.Head], GetErrors).ExcludeFromDescription();
        return app;
    }

    /// <param name="jobId">The job's id.</param>
    /// <param name="scan">Read the log of a job that did not fail too (a running job then shows its errors so far).</param>
    /// <param name="format"><c>json</c> (the default) or <c>markdown</c> (also chosen by <c>Accept: text/markdown</c>): the report
    /// as <c>errortrace analyze --format markdown</c> writes it, ready to paste into an issue.</param>
    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetErrors(
        [FromRoute(Name = "job_id")] string jobId,
        [FromQuery] bool? scan,
        [FromQuery] string? format,
        ClaimsPrincipal user,
        HttpRequest request,
        HttpResponse response,
        IJobRepository jobs,
        ReportService reports,
        IOptionsMonitor<FeatureOptions> features,
        CancellationToken cancellationToken)
    {
        if (!features.CurrentValue.ErrorsEndpoint) return Problems.ErrorsEndpointOff();
        if (!JobIdRule.IsValid(jobId)) return Problems.InvalidJobId();
        if (ReportFormats.From(format, request) is not { } wanted) return Problems.BadQuery("format is json or markdown.");
        var job = await jobs.FindAsync(jobId, cancellationToken).ConfigureAwait(false);
        // Another owner's job answers exactly like an unknown one, so ids cannot be probed.
        if (job is null || !Caller.From(user).CanSee(job.Owner)) return Problems.JobNotFound();

        var report = await reports.GetAsync(job, scan ?? false, cancellationToken).ConfigureAwait(false);
        response.Headers.CacheControl = "private, no-cache";
        response.Headers.Vary = "Authorization, Accept";
        var markdown = wanted == ReportFormat.Markdown;
        var (body, etag) = (markdown ? report.MarkdownBody : report.Body).For(request, response);
        // FileContentHttpResult answers If-None-Match with 304 itself.
        return TypedResults.Bytes(body, markdown ? ReportFormats.MarkdownMediaType + "; charset=utf-8" : "application/json", entityTag: etag);
    }
}
