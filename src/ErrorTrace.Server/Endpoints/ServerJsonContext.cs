using System.Text.Json.Serialization;

namespace ErrorTrace.Server.Endpoints;

/// <summary>Source-generated JSON for the service's own DTOs, snake_case like the report.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(JobList))]
[JsonSerializable(typeof(HealthStatus))]
internal sealed partial class ServerJsonContext : JsonSerializerContext;
