using System.IO.Compression;
using System.Security.Claims;
using ErrorTrace.Core.Context;
using ErrorTrace.Core.Redaction;
using ErrorTrace.Server.Auth;
using ErrorTrace.Server.Jobs;
using ErrorTrace.Server.Logs;
using ErrorTrace.Server.Options;
using ErrorTrace.Server.Reports;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace ErrorTrace.Server.Endpoints;

/// <summary><c>GET /api/training/{job_id}/log?from=&amp;to=</c>: a bounded range of the log's lines, redacted, for the
/// panel's breadcrumbs (the lines before the root failure) and the context of an evidence line. Same auth and owner
/// scoping as the report.</summary>
internal static class JobLogEndpoints
{
    public static IEndpointRouteBuilder MapJobLog(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/training").RequireAuthorization().WithTags("Errors");
        group.MapGet("/{job_id}/log", GetLog)
            .WithName("GetJobLog")
            .WithSummary($"Lines from..to of the job's log (at most {LogExcerpt.MaxLines}), redacted; only one rank's or host's with rank/host.")
            .Produces<JobLogExcerpt>(StatusCodes.Status200OK, "application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapMethods("/{job_id}/log", [HttpMethods.Head], GetLog).ExcludeFromDescription();
        return app;
    }

    /// <param name="jobId">The job's id.</param>
    /// <param name="from">First line, 1-based (physical lines, as the report's line numbers).</param>
    /// <param name="to">Last line, inclusive; at most 500 lines after from.</param>
    /// <param name="rank">Only the lines a launcher prefix gave this rank.</param>
    /// <param name="host">Only the lines a launcher prefix gave this host.</param>
    private static async Task<Results<Ok<JobLogExcerpt>, ProblemHttpResult>> GetLog(
        [FromRoute(Name = "job_id")] string jobId,
        [FromQuery] long? from,
        [FromQuery] long? to,
        [FromQuery] int? rank,
        [FromQuery] string? host,
        ClaimsPrincipal user,
        HttpResponse response,
        IJobRepository jobs,
        ILogLocator locator,
        AnalysisCache cache,
        IOptionsMonitor<FeatureOptions> features,
        CancellationToken cancellationToken)
    {
        if (!features.CurrentValue.ErrorsEndpoint) return Problems.ErrorsEndpointOff();
        if (!JobIdRule.IsValid(jobId)) return Problems.InvalidJobId();
        if (from is not { } first || to is not { } last) return Problems.BadQuery("from and to (1-based line numbers) are required.");
        if (first < 1 || last < first) return Problems.BadQuery("Lines start at 1 and to must not be before from.");
        if (last - first + 1 > LogExcerpt.MaxLines) return Problems.BadQuery($"At most {LogExcerpt.MaxLines} lines at a time.");
        if (rank is < 0) return Problems.BadQuery("rank is 0 or more.");
        if (host is { Length: > MaxHostChars }) return Problems.BadQuery($"host is at most {MaxHostChars} characters.");

        var job = await jobs.FindAsync(jobId, cancellationToken).ConfigureAwait(false);
        if (job is null || !Caller.From(user).CanSee(job.Owner)) return Problems.JobNotFound();
        var location = locator.Locate(job);
        if (location.Missing || location.FullPath is not { } path) return Problems.LogNotFound();
        // Opened like the report's log (no link followed, no FIFO waited on, checked on the handle): a refused log is a
        // missing one here too.
        using var log = LogOpener.TryOpen(path, location.LogsRoot, out _);
        if (log is null) return Problems.LogNotFound();

        // The cached analysis's checkpoints, when they were taken from this very file (same inode, and it has not
        // shrunk since); else the read counts from the start.
        var index = cache.Find(job.Id)?.Published is { LineIndex: { } published } report
            && report.File.Identity == log.Status.Identity && log.Status.Length >= report.File.Length ? published : null;
        IReadOnlyList<ExcerptLine> lines;
        try
        {
            using var file = new FileStream(log.Handle, FileAccess.Read, bufferSize: 1);
            using var stream = location.IsGzip || StartsWithGzipMagic(file) ? new GZipStream(file, CompressionMode.Decompress) : (Stream)file;
            lines = LogExcerpt.Read(stream, stream == file ? index : null, first, last, rank, host);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            return Problems.LogNotFound();
        }

        response.Headers.CacheControl = "private, no-cache";
        response.Headers.Vary = "Authorization";
        return TypedResults.Ok(new JobLogExcerpt(job.Id, first, last, lines.Select(Redact).ToList()));
    }

    /// <summary>Host names are DNS labels or addresses; longer is not one.</summary>
    private const int MaxHostChars = 255;

    private static ExcerptLine Redact(ExcerptLine line) => line with { Text = Redactor.Redact(line.Text), Host = Redactor.RedactOrNull(line.Host) };

    private static bool StartsWithGzipMagic(FileStream file)
    {
        Span<byte> head = stackalloc byte[2];
        var gzip = file.Read(head) == 2 && head[0] == 0x1F && head[1] == 0x8B;
        file.Position = 0;
        return gzip;
    }
}
