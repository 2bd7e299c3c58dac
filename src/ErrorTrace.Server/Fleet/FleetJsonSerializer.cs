using System.Text.Json.Serialization;

namespace ErrorTrace.Server.Fleet;

/// <summary>Source-generated JSON for the fleet's own server-side types (Native AOT has no reflection).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(WebhookMessage))]
[JsonSerializable(typeof(JobFailure))]
internal sealed partial class FleetJsonSerializer : JsonSerializerContext;
