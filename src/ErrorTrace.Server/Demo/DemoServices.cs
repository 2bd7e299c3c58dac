namespace ErrorTrace.Server.Demo;

internal static class DemoServices
{
    public static IServiceCollection AddDemo(this IServiceCollection services)
    {
        services.AddSingleton<DemoSeeder>();
        services.AddHostedService<DemoLifecycle>();
        return services;
    }
}
