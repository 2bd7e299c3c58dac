using System.Net;
using ErrorTrace.Server;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ErrorTrace.Panel.Tests;

/// <summary>The real service on Kestrel (127.0.0.1, a free port) over its own SQLite demo database, seeded on start
/// like <c>errortrace serve</c> does; <see cref="Token"/> is the demo admin token it printed.</summary>
public sealed class PanelServer : WebApplicationFactory<Program>
{
    private readonly string _dataDir = Directory.CreateTempSubdirectory("et-panel-tests-").FullName;

    public PanelServer()
    {
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseUrl = addresses.First().TrimEnd('/');
        Token = File.ReadAllLines(Path.Combine(_dataDir, "demo-tokens.txt"))
            .Select(line => line.Split(' ', 2))
            .First(parts => parts[0] == "admin")[1];
        RealLogJobs.Seed(_dataDir);
    }

    public string BaseUrl { get; }

    public string Token { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Paths:DataDir", _dataDir);
        builder.UseEnvironment("Production");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            try
            {
                Directory.Delete(_dataDir, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
