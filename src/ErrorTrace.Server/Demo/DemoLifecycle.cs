using ErrorTrace.Server.Options;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace ErrorTrace.Server.Demo;

/// <summary>Seeds the demo before the server starts, and once it listens prints where, with the demo tokens and a curl
/// line to try.</summary>
internal sealed class DemoLifecycle(DemoSeeder seeder, ServicePaths paths, IServer server) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken)
    {
        seeder.SeedIfNeeded();
        return Task.CompletedTask;
    }

    public Task StartedAsync(CancellationToken cancellationToken)
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        if (addresses.Count == 0) return Task.CompletedTask;
        var url = addresses.First();
        Console.WriteLine($"errortrace serve: listening on {string.Join(", ", addresses)}");
        Console.WriteLine($"  logs: {paths.LogsDir}");
        if (paths.IsEmbedded) Console.WriteLine($"  database: {paths.EmbeddedDatabaseFile}");
        if (File.Exists(paths.DemoTokensFile))
        {
            var tokens = File.ReadAllLines(paths.DemoTokensFile).Select(l => l.Split(' ', 2)).Where(p => p.Length == 2).ToArray();
            foreach (var (name, token) in tokens.Select(p => (p[0], p[1])))
                Console.WriteLine($"  demo token ({name}): {token}");
            if (tokens.Length > 0)
            {
                Console.WriteLine($"  try: curl -H 'Authorization: Bearer {tokens[0][1]}' {url}/api/training/demo-cuda-oom/errors");
                Console.WriteLine($"       curl -H 'Authorization: Bearer {tokens[0][1]}' {url}/api/training/jobs");
            }
        }

        Console.WriteLine($"  OpenAPI: {url}/openapi/v1.json   metrics: {url}/metrics   Ctrl+C stops.");
        return Task.CompletedTask;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
