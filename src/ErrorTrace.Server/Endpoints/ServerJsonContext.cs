using System.Text.Json.Serialization;

namespace ErrorTrace.Server.Endpoints;

/// <summary>Source-generated JSON for the service's own DTOs, snake_case like the report. The scalar types are the
/// endpoints' route and query parameters: the OpenAPI document describes them through these same options, and without
/// reflection (Native AOT) each needs its metadata here.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(JobList))]
[JsonSerializable(typeof(JobLogExcerpt))]
[JsonSerializable(typeof(long?))]
[JsonSerializable(typeof(HealthStatus))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(bool?))]
[JsonSerializable(typeof(int?))]
internal sealed partial class ServerJsonContext : JsonSerializerContext;
