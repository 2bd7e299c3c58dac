using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ErrorTrace.Panel.Tests;

public sealed class StateTests(Browser browser)
{
    [Fact]
    public async Task Unauthorized_asks_for_a_token_and_signs_in()
    {
        var page = await browser.NewPageAsync(token: "not-a-token");
        await page.GotoAsync("/jobs/demo-cuda-oom");
        await Expect(page.Locator("[data-state='unauthorized']")).ToBeVisibleAsync();
        await Axe.AssertCleanAsync(page, "unauthorized");
        await page.GetByLabel("API token").FillAsync(browser.Server.Token);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByTestId("category")).ToHaveTextAsync("OOM training");
        Assert.Equal(browser.Server.Token, await page.EvaluateAsync<string>("() => sessionStorage.getItem('errortrace.token')"));
    }

    [Fact]
    public async Task An_unknown_job_says_so()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/jobs/no-such-job");
        await Expect(page.Locator("[data-state='not-found']")).ToContainTextAsync("Unknown job");
        await Axe.AssertCleanAsync(page, "unknown job");
    }

    [Fact]
    public async Task A_server_without_the_errors_api_gets_the_fallback_message()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/jobs/demo-cuda-oom");
        await Expect(page.GetByTestId("category")).ToBeVisibleAsync();
        await page.Locator("error-trace-panel").EvaluateAsync("p => p.setAttribute('api-base', '/not-here/api/training')");
        await Expect(page.Locator("[data-state='api-absent']")).ToContainTextAsync("not available");
    }

    [Fact]
    public async Task A_network_failure_offers_retry()
    {
        var page = await browser.NewPageAsync();
        await page.RouteAsync("**/api/training/demo-cuda-oom/errors", route => route.AbortAsync());
        await page.GotoAsync("/jobs/demo-cuda-oom");
        await Expect(page.Locator("[data-state='network']")).ToBeVisibleAsync();
        await Axe.AssertCleanAsync(page, "network failure");
        await page.UnrouteAsync("**/api/training/demo-cuda-oom/errors");
        await page.Locator("[data-action='retry']").ClickAsync();
        await Expect(page.GetByTestId("category")).ToHaveTextAsync("OOM training");
    }

    [Fact]
    public async Task A_completed_job_scanned_with_nothing_found_says_no_errors()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/jobs/demo-completed");
        await page.GetByRole(AriaRole.Button, new() { Name = "Scan log", Exact = true }).ClickAsync();
        await Expect(page.Locator("h1#et-hero-h")).Not.ToHaveTextAsync("Log not scanned");
        await Expect(page.GetByTestId("clean")).ToBeVisibleAsync();
        await Axe.AssertCleanAsync(page, "scanned, clean");
    }
}
