using System.Text.Json;
using ErrorTrace.Core.Reports;
using ErrorTrace.Server.Endpoints;

namespace ErrorTrace.Server.Hosting;

internal static class JsonSetup
{
    /// <summary>snake_case everywhere, from source-generated contexts (the report's and the service's).</summary>
    public static IServiceCollection AddSnakeCaseJson(this IServiceCollection services) =>
        services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            options.SerializerOptions.TypeInfoResolverChain.Insert(0, ServerJsonContext.Default);
            options.SerializerOptions.TypeInfoResolverChain.Insert(1, ReportJsonContext.Default);
        });
}
