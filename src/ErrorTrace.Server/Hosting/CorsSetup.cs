using ErrorTrace.Server.Options;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.Extensions.Options;

namespace ErrorTrace.Server.Hosting;

/// <summary>The panel is embedded in dashboards on other origins: those listed in <c>Cors:Origins</c> may GET the API
/// with an Authorization header and read the ETag. With no origins configured there is no policy, so no CORS headers.</summary>
internal static class CorsSetup
{
    public static IServiceCollection AddConfiguredCors(this IServiceCollection services)
    {
        services.AddCors();
        services.AddOptions<CorsOptions>().Configure<IOptions<CorsSettings>>((cors, settings) =>
        {
            var origins = settings.Value.Origins.Where(o => !string.IsNullOrWhiteSpace(o)).ToArray();
            if (origins.Length == 0) return;
            cors.AddDefaultPolicy(policy => policy
                .WithOrigins(origins)
                .WithMethods("GET")
                .WithHeaders("Authorization", "If-None-Match", "Accept")
                .WithExposedHeaders("ETag")
                .SetPreflightMaxAge(TimeSpan.FromMinutes(10)));
        });
        return services;
    }
}
