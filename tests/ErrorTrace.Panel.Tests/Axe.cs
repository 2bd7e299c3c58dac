using System.Text.Json;
using Microsoft.Playwright;

namespace ErrorTrace.Panel.Tests;

/// <summary>axe-core (the npm package the panel's build installs in web/node_modules) injected into the page; no network.
/// Only serious and critical violations fail a test; each is named with the elements it found.</summary>
public static class Axe
{
    public static string ScriptPath { get; } = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "axe.min.js"));

    public static async Task<string[]> SeriousViolationsAsync(IPage page)
    {
        if (!File.Exists(ScriptPath)) Assert.Fail($"axe-core is missing at {ScriptPath}: the build copies web/node_modules/axe-core/axe.min.js (npm ci in web/).");
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe !== 'undefined'")) await page.AddScriptTagAsync(new() { Path = ScriptPath });
        var result = await page.EvaluateAsync<JsonElement>("""
            async () => {
              const r = await axe.run(document, { resultTypes: ['violations'] });
              return r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => `${v.id} (${v.impact}): ${v.nodes.slice(0, 5).map(n => JSON.stringify(n.target) + ' ' + (n.failureSummary || '').split('\n')[1]).join(' | ')}`);
            }
            """);
        return result.EnumerateArray().Select(v => v.GetString()!).ToArray();
    }

    public static async Task AssertCleanAsync(IPage page, string view)
    {
        var violations = await SeriousViolationsAsync(page);
        Assert.True(violations.Length == 0, $"axe-core, {view}: {string.Join("\n", violations)}");
    }
}
