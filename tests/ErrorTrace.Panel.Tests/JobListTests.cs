using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ErrorTrace.Panel.Tests;

public sealed class JobListTests(Browser browser)
{
    [Fact]
    public async Task Sign_in_then_the_list_shows_failed_jobs_first_with_badges()
    {
        var page = await browser.NewPageAsync(token: "");
        await page.GotoAsync("/");
        await page.GetByLabel("API token").FillAsync(browser.Server.Token);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        var jobs = page.Locator("li.job");
        await Expect(jobs).ToHaveCountAsync(18);
        var statuses = await jobs.EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.status)");
        Assert.Equal(["failed", "failed", "failed", "failed"], statuses[..4]);
        var oom = page.Locator("li.job[data-job='demo-cuda-oom']");
        await Expect(oom.GetByTestId("job-error-count")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d+ errors?$"));
        Assert.Equal(browser.Server.Token, await page.EvaluateAsync<string>("() => sessionStorage.getItem('errortrace.token')"));
        await Browser.ScreenshotAsync(page, "jobs-desktop.png");
    }

    [Fact]
    public async Task Status_filter_lists_only_that_status()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/");
        await Expect(page.Locator("li.job")).ToHaveCountAsync(18);
        await page.GetByLabel("Status").SelectOptionAsync("completed");
        await Expect(page.Locator("li.job")).ToHaveCountAsync(1);
        await Expect(page.Locator("li.job[data-status='completed']")).ToHaveCountAsync(1);
        Assert.Contains("status=completed", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rejected_token_asks_again()
    {
        var page = await browser.NewPageAsync(token: "wrong-token");
        await page.GotoAsync("/");
        await Expect(page.GetByText("The service did not accept the token.")).ToBeVisibleAsync();
    }
}
