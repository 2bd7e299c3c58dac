using Microsoft.Playwright;

namespace ErrorTrace.Panel.Tests;

/// <summary>Debian's headless Chromium driven by Playwright (never Playwright's own browser download). Missing Chromium
/// skips the browser tests on a developer machine and fails them in CI (CI=true), where scripts/test.sh installs it.</summary>
public sealed class Browser : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] s_flags =
    [
        "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-default-apps",
        "--disable-extensions", "--no-default-browser-check",
    ];

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public PanelServer Server { get; } = new();

    public static string ArtifactsDir { get; } = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "TestResults", "panel")).FullName;

    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public async ValueTask InitializeAsync()
    {
        File.Delete(Path.Combine(ArtifactsDir, "geometry.txt"));
        if (!File.Exists(ChromiumPath)) return;
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = ChromiumPath, Headless = true, Args = s_flags });
    }

    /// <summary>A fresh context (own sessionStorage), clipboard allowed, signed in unless <paramref name="token"/> is "".</summary>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900, string? token = null, bool dark = false)
    {
        if (_browser is null)
        {
            if (InCi) Assert.Fail($"Chromium is missing at {ChromiumPath}: scripts/test.sh installs it (apt-get install chromium).");
            Assert.Skip($"Chromium is not installed at {ChromiumPath} (apt-get install chromium).");
        }

        var context = await _browser.NewContextAsync(new()
        {
            ViewportSize = new() { Width = width, Height = height },
            BaseURL = Server.BaseUrl,
            Permissions = ["clipboard-read", "clipboard-write"],
            ColorScheme = dark ? ColorScheme.Dark : ColorScheme.Light,
            // axe-core is injected as a script; the pages' CSP (script-src 'self') would refuse it.
            BypassCSP = true,
        });
        var signIn = token ?? Server.Token;
        if (signIn.Length > 0)
            await context.AddInitScriptAsync($"sessionStorage.setItem('errortrace.token', {System.Text.Json.JsonSerializer.Serialize(signIn)});");
        return await context.NewPageAsync();
    }

    public static Task ScreenshotAsync(IPage page, string name, bool fullPage = true) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(ArtifactsDir, name), FullPage = fullPage });

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        Server.Dispose();
    }
}
