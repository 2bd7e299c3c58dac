namespace ErrorTrace.Server.Options;

internal static class OptionsServices
{
    /// <summary>Binds every configuration section to its options class.</summary>
    public static IServiceCollection AddServiceOptions(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<PathsOptions>(configuration.GetSection(PathsOptions.Section));
        services.Configure<DatabaseOptions>(configuration.GetSection(DatabaseOptions.Section));
        services.Configure<JobsTableOptions>(configuration.GetSection(JobsTableOptions.Section));
        services.Configure<AuthOptions>(configuration.GetSection(AuthOptions.Section));
        services.Configure<CorsSettings>(configuration.GetSection(CorsSettings.Section));
        services.Configure<CacheOptions>(configuration.GetSection(CacheOptions.Section));
        services.Configure<FeatureOptions>(configuration.GetSection(FeatureOptions.Section));
        services.Configure<DemoOptions>(configuration.GetSection(DemoOptions.Section));
        services.AddOptions<ClassificationOptions>().Bind(configuration.GetSection(ClassificationOptions.Section)).ValidateOnStart();
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<ClassificationOptions>, ClassificationOptionsValidator>();
        services.AddSingleton<ServicePaths>();
        return services;
    }
}
