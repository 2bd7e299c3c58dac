using ErrorTrace.Core.Fleet;
using ErrorTrace.Server.Options;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ErrorTrace.Server.Fleet;

internal static class FleetServices
{
    /// <summary>The fleet view: its options, the store (migrated by the indexer on start), the jobs-table feed, the
    /// background indexer and the webhook.</summary>
    public static IServiceCollection AddFleet(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<FleetOptions>(configuration.GetSection(FleetOptions.Section));
        services.Configure<StoreOptions>(configuration.GetSection(StoreOptions.Section));
        services.Configure<NotifyOptions>(configuration.GetSection(NotifyOptions.Section));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => FleetDatabase.Create(sp.GetRequiredService<ServicePaths>(), sp.GetRequiredService<IOptions<StoreOptions>>().Value));
        services.AddSingleton(sp => new FailedJobFeed(sp.GetRequiredService<ServicePaths>(), sp.GetRequiredService<IOptions<JobsTableOptions>>().Value));
        services.AddSingleton<FleetStore>();
        services.AddSingleton<FleetReader>();
        services.AddSingleton<JobIndexer>();
        services.AddSingleton<FleetNotifier>();
        services.AddHttpClient(FleetNotifier.ClientName, client => client.Timeout = FleetNotifier.Timeout);
        services.AddHostedService<FleetIndexer>();
        services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.TypeInfoResolverChain.Add(FleetJsonContext.Default);
            options.SerializerOptions.TypeInfoResolverChain.Add(FleetJsonSerializer.Default);
        });
        return services;
    }
}
