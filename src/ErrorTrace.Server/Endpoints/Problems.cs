using Microsoft.AspNetCore.Http.HttpResults;

namespace ErrorTrace.Server.Endpoints;

/// <summary>The API's error answers, all <c>application/problem+json</c>.</summary>
internal static class Problems
{
    public static ProblemHttpResult InvalidJobId() => TypedResults.Problem(
        statusCode: StatusCodes.Status400BadRequest, title: "Invalid job id",
        detail: "A job id is 1 to 64 letters, digits, '_' or '-'.");

    public static ProblemHttpResult JobNotFound() => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound, title: "Job not found",
        detail: "No job with this id is visible to this token.");

    public static ProblemHttpResult ErrorsEndpointOff() => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound, title: "Not found",
        detail: "The errors endpoint is switched off on this server.");

    public static ProblemHttpResult LogNotFound() => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound, title: "Log not found",
        detail: "The job's log is missing or cannot be read.");

    public static ProblemHttpResult BadQuery(string detail) => TypedResults.Problem(
        statusCode: StatusCodes.Status400BadRequest, title: "Invalid query", detail: detail);

    public static ProblemHttpResult NotReady() => TypedResults.Problem(
        statusCode: StatusCodes.Status503ServiceUnavailable, title: "Not ready", detail: "The jobs database cannot be read.");
}
