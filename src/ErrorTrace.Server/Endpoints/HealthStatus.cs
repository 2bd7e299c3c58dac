namespace ErrorTrace.Server.Endpoints;

internal sealed record HealthStatus(string Status);
