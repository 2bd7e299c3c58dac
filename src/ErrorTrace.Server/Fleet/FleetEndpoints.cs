using System.Globalization;
using System.Security.Claims;
using ErrorTrace.Core.Fleet;
using ErrorTrace.Core.Redaction;
using ErrorTrace.Server.Auth;
using ErrorTrace.Server.Endpoints;
using ErrorTrace.Server.Logs;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace ErrorTrace.Server.Fleet;

/// <summary>
/// <c>GET /api/training/failures</c> (signatures, most jobs first), <c>GET /api/training/failures/{signature}</c> (one
/// signature with its jobs and per-day counts) and <c>GET /api/training/jobs/{job_id}/failure</c> (a job's signature
/// and how many other jobs share it). An owner sees only what their own jobs make; an admin sees everything. Titles
/// and hosts are redacted like every other text the service returns.
/// </summary>
internal static class FleetEndpoints
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    /// <summary>A signature's page lists this many jobs by default, at most <see cref="MaxJobsPageSize"/>.</summary>
    public const int DefaultJobsPageSize = 100;
    public const int MaxJobsPageSize = 1000;

    /// <summary>Categories are short snake_case names; anything longer is not one.</summary>
    private const int MaxCategoryChars = 64;

    public static IEndpointRouteBuilder MapFleet(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/training").RequireAuthorization().WithTags("Failures");
        group.MapGet("/failures", List)
            .WithName("ListFailures")
            .WithSummary("Failure signatures across the jobs the token may see, most jobs first, with hosts, recent jobs and per-day counts.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        group.MapGet("/failures/{signature}", Detail)
            .WithName("GetFailure")
            .WithSummary("One failure signature: every job that died of it (paged, most recent first) and its count per day.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/jobs/{job_id}/failure", ForJob)
            .WithName("GetJobFailure")
            .WithSummary("A failed job's signature and how many other jobs the token may see died the same way.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    /// <param name="since">Only jobs that failed at or after this time: ISO 8601 (<c>2025-12-10</c>, <c>2025-12-10T03:00:00Z</c>) or an age (<c>90m</c>, <c>24h</c>, <c>7d</c>).</param>
    /// <param name="category">Only this category, e.g. <c>oom_training</c>.</param>
    /// <param name="host">Only jobs that died on this host.</param>
    /// <param name="page">1-based page number.</param>
    /// <param name="pageSize">1 to 100 (default 20).</param>
    private static async Task<Results<Ok<FailureList>, ProblemHttpResult>> List(
        [FromQuery] string? since,
        [FromQuery] string? category,
        [FromQuery] string? host,
        [FromQuery] int? page,
        [FromQuery(Name = "page_size")] int? pageSize,
        ClaimsPrincipal user,
        FleetReader reader,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (!TryParseSince(since, time, out var from)) return Problems.BadQuery("since is an ISO 8601 date or time, or an age such as 90m, 24h or 7d.");
        var wantedCategory = string.IsNullOrWhiteSpace(category) ? null : category.Trim();
        if (wantedCategory is { Length: > MaxCategoryChars }) return Problems.BadQuery("category is a category name such as oom_training.");
        var wantedHost = string.IsNullOrWhiteSpace(host) ? null : FailureHost.Clean(host);
        if (host is not null && !string.IsNullOrWhiteSpace(host) && wantedHost is null) return Problems.BadQuery("host is a host name.");
        if (page is < 1) return Problems.BadQuery("page starts at 1.");
        if (pageSize is < 1 or > MaxPageSize) return Problems.BadQuery($"page_size is 1 to {MaxPageSize}.");

        var query = new FailureQuery(Caller.From(user).OwnerFilter, from, wantedCategory, wantedHost, page ?? 1, pageSize ?? DefaultPageSize);
        var list = await reader.ListAsync(query, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(list with { Signatures = list.Signatures.Select(Redacted).ToList(), SuspectHosts = list.SuspectHosts.Select(h => h with { Host = Redactor.Redact(h.Host) }).ToList() });
    }

    /// <param name="signature">The signature id, e.g. <c>oom_training-3f9a0c51d2e4b7a8</c>.</param>
    /// <param name="page">1-based page of the signature's jobs.</param>
    /// <param name="pageSize">Jobs per page, 1 to 1000 (default 100).</param>
    private static async Task<Results<Ok<SignatureGroup>, ProblemHttpResult>> Detail(
        [FromRoute] string signature,
        [FromQuery] int? page,
        [FromQuery(Name = "page_size")] int? pageSize,
        ClaimsPrincipal user,
        FleetReader reader,
        CancellationToken cancellationToken)
    {
        if (!FailureSignatures.IsValidId(signature)) return InvalidSignature();
        if (page is < 1) return Problems.BadQuery("page starts at 1.");
        if (pageSize is < 1 or > MaxJobsPageSize) return Problems.BadQuery($"page_size is 1 to {MaxJobsPageSize}.");
        var group = await reader.DetailAsync(signature, Caller.From(user).OwnerFilter, page ?? 1, pageSize ?? DefaultJobsPageSize, cancellationToken).ConfigureAwait(false);
        // A signature made only of other owners' jobs answers like an unknown one.
        return group is null ? SignatureNotFound() : TypedResults.Ok(Redacted(group));
    }

    /// <param name="jobId">The job's id.</param>
    private static async Task<Results<Ok<JobFailure>, ProblemHttpResult>> ForJob(
        [FromRoute(Name = "job_id")] string jobId,
        ClaimsPrincipal user,
        FleetReader reader,
        CancellationToken cancellationToken)
    {
        if (!JobIdRule.IsValid(jobId)) return Problems.InvalidJobId();
        var caller = Caller.From(user);
        var found = await reader.JobAsync(jobId, caller.OwnerFilter, cancellationToken).ConfigureAwait(false);
        if (found is not { } job || !caller.CanSee(job.Owner))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not indexed",
                detail: "No failed job with this id visible to this token has been indexed (yet): the indexer reads new failures every few seconds.");
        }

        return TypedResults.Ok(job.Failure with { Title = Redactor.Redact(job.Failure.Title), Host = Redactor.RedactOrNull(job.Failure.Host) });
    }

    public static bool TryParseSince(string? text, TimeProvider time, out DateTime? since)
    {
        ArgumentNullException.ThrowIfNull(time);
        since = null;
        if (string.IsNullOrWhiteSpace(text)) return true;
        var value = text.Trim();
        if (value.Length >= 2 && value[^1] is 'm' or 'h' or 'd' or 'w'
            && int.TryParse(value.AsSpan(0, value.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var amount) && amount <= 100_000)
        {
            var age = value[^1] switch
            {
                'm' => TimeSpan.FromMinutes(amount),
                'h' => TimeSpan.FromHours(amount),
                'd' => TimeSpan.FromDays(amount),
                _ => TimeSpan.FromDays(7 * amount),
            };
            // To the minute, so a dashboard polling "7d" asks the same page (and the page memo can answer it).
            var at = time.GetUtcNow().UtcDateTime - age;
            since = new DateTime(at.Ticks - at.Ticks % TimeSpan.TicksPerMinute, DateTimeKind.Utc);
            return true;
        }

        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            since = parsed.UtcDateTime;
            return true;
        }

        return false;
    }

    private static SignatureGroup Redacted(SignatureGroup group) => group with
    {
        Title = Redactor.Redact(group.Title),
        Hosts = group.Hosts.Select(h => h with { Host = Redactor.Redact(h.Host) }).ToList(),
        Jobs = group.Jobs.Select(j => j with { Host = Redactor.RedactOrNull(j.Host) }).ToList(),
    };

    private static ProblemHttpResult InvalidSignature() => TypedResults.Problem(
        statusCode: StatusCodes.Status400BadRequest, title: "Invalid signature",
        detail: "A signature is a category, a dash and 16 hex digits, e.g. oom_training-3f9a0c51d2e4b7a8.");

    private static ProblemHttpResult SignatureNotFound() => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound, title: "Signature not found",
        detail: "No job visible to this token has this signature.");
}
