using ErrorTrace.Core.Analysis;
using ErrorTrace.Core.Classification;
using ErrorTrace.Server.Logs;
using ErrorTrace.Server.Options;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ErrorTrace.Server.Reports;

internal static class ReportServices
{
    public static IServiceCollection AddReports(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ILogLocator>(sp =>
        {
            var located = new LogLocator(sp.GetRequiredService<ServicePaths>());
            var lifetime = sp.GetRequiredService<IOptions<CacheOptions>>().Value.LogLocationMilliseconds;
            return lifetime > 0 ? new CachedLogLocator(located, TimeSpan.FromMilliseconds(lifetime), sp.GetRequiredService<TimeProvider>()) : located;
        });
        services.AddSingleton(sp =>
        {
            // Validated at start (ClassificationOptionsValidator): the same file as the CLI's --rules.
            var rulesFile = sp.GetRequiredService<IOptions<ClassificationOptions>>().Value.RulesFile;
            return string.IsNullOrEmpty(rulesFile) ? AnalysisOptions.Default : AnalysisOptions.Default with { Rules = RuleSet.LoadFile(rulesFile) };
        });
        services.AddSingleton<AnalysisCache>();
        services.AddSingleton<ReportService>();
        services.AddSingleton<JobDigests>();
        return services;
    }
}
