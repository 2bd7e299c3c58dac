using Microsoft.Extensions.Configuration.Json;

namespace ErrorTrace.Server.Hosting;

internal static class ConfigurationSources
{
    public const string EnvironmentPrefix = "ERRORTRACE_";
    public const string DefaultUrl = "http://127.0.0.1:5000";

    /// <summary>The URLs the service is told to listen on (for messages: the server has the final say).</summary>
    public static IReadOnlyList<string> ListenUrls(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var urls = configuration["urls"] is { Length: > 0 } configured ? configured : configuration["ASPNETCORE_URLS"] is { Length: > 0 } env ? env : DefaultUrl;
        return urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    /// <summary>Lowest to highest: the shipped appsettings.json (next to the binary), ASP.NET's defaults (appsettings in
    /// the working directory, <c>ASPNETCORE_</c>/<c>DOTNET_</c> variables), <c>ERRORTRACE_</c> variables
    /// (<c>ERRORTRACE_Features__ErrorsEndpoint=false</c>), then the command line. Listens on 127.0.0.1:5000 unless
    /// told otherwise.</summary>
    public static WebApplicationBuilder AddErrorTraceConfiguration(this WebApplicationBuilder builder, string[] args)
    {
        var shipped = Path.Combine(AppContext.BaseDirectory, "appsettings.json");
        if (File.Exists(shipped))
        {
            var source = new JsonConfigurationSource { Path = shipped, Optional = true };
            source.ResolveFileProvider();
            builder.Configuration.Sources.Insert(0, source);
        }

        builder.Configuration.AddEnvironmentVariables(EnvironmentPrefix);
        builder.Configuration.AddCommandLine(args);
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
            builder.WebHost.UseUrls(DefaultUrl);
        return builder;
    }
}
