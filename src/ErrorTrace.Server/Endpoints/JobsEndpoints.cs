using System.Security.Claims;
using ErrorTrace.Core.Redaction;
using ErrorTrace.Server.Auth;
using ErrorTrace.Server.Jobs;
using ErrorTrace.Server.Reports;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace ErrorTrace.Server.Endpoints;

/// <summary><c>GET /api/training/jobs</c>: the panel's job list.</summary>
internal static class JobsEndpoints
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    public static IEndpointRouteBuilder MapJobs(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/training").RequireAuthorization().WithTags("Jobs");
        group.MapGet("/jobs", ListJobs)
            .WithName("ListJobs")
            .WithSummary("Jobs visible to the token, newest first, with the error count of failed jobs.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        group.MapMethods("/jobs", [HttpMethods.Head], ListJobs).ExcludeFromDescription();
        return app;
    }

    /// <param name="status">failed, cancelled, completed or running.</param>
    /// <param name="page">1-based page number.</param>
    /// <param name="pageSize">1 to 100 (default 20).</param>
    private static async Task<Results<Ok<JobList>, ProblemHttpResult>> ListJobs(
        [FromQuery] string? status,
        [FromQuery] int? page,
        [FromQuery(Name = "page_size")] int? pageSize,
        ClaimsPrincipal user,
        IJobRepository jobs,
        JobDigests jobDigests,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        // The list's wait for cold logs counts from here: the rows' query and the queueing are part of it.
        var started = time.GetTimestamp();
        var wanted = status?.Trim().ToLowerInvariant();
        if (wanted is not null && !JobStatuses.All.Contains(wanted))
            return Problems.BadQuery($"status must be one of {string.Join(", ", JobStatuses.All)}.");
        if (page is < 1) return Problems.BadQuery("page starts at 1.");
        if (pageSize is < 1 or > MaxPageSize) return Problems.BadQuery($"page_size is 1 to {MaxPageSize}.");

        var query = new JobQuery(Caller.From(user).OwnerFilter, wanted, page ?? 1, pageSize ?? DefaultPageSize);
        var result = await jobs.ListAsync(query, cancellationToken).ConfigureAwait(false);
        var digests = await jobDigests.ForAsync(result.Jobs, started, cancellationToken).ConfigureAwait(false);
        var summaries = new List<JobSummary>(result.Jobs.Count);
        foreach (var job in result.Jobs)
        {
            var row = digests.GetValueOrDefault(job.Id);
            summaries.Add(new JobSummary
            {
                JobId = job.Id,
                Status = job.Status,
                ErrorSummary = Redactor.RedactOrNull(job.ErrorMessage),
                Owner = job.Owner,
                CreatedAt = job.CreatedAt,
                UpdatedAt = job.UpdatedAt,
                ErrorCount = row.Digest?.ErrorCount,
                WarningCount = row.Digest?.WarningCount,
                RootCause = row.Digest?.RootCause,
                AnalysisPending = row.Pending,
            });
        }

        return TypedResults.Ok(new JobList(summaries, query.Page, query.PageSize, result.Total));
    }
}
