using ErrorTrace.Server.Logs;

namespace ErrorTrace.Server.Reports;

internal static class ReportServices
{
    public static IServiceCollection AddReports(this IServiceCollection services)
    {
        services.AddSingleton<LogLocator>();
        services.AddSingleton<AnalysisCache>();
        services.AddSingleton<ReportService>();
        return services;
    }
}
