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
        await Expect(jobs).ToHaveCountAsync(18 + RealLogJobs.Cases.Count);
        var statuses = await jobs.EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.status)");
        Assert.Equal(["failed", "failed", "failed", "failed"], statuses[..4]);
        var oom = page.Locator("li.job[data-job='demo-cuda-oom']");
        await Expect(oom.GetByTestId("job-error-count")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d+ errors?$"));
        await Axe.AssertCleanAsync(page, "job list");
        Assert.Equal(browser.Server.Token, await page.EvaluateAsync<string>("() => sessionStorage.getItem('errortrace.token')"));
        await Browser.ScreenshotAsync(page, "jobs-desktop.png");
    }

    [Fact]
    public async Task Status_filter_lists_only_that_status()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/");
        await Expect(page.Locator("li.job")).ToHaveCountAsync(18 + RealLogJobs.Cases.Count);
        await page.GetByLabel("Status").SelectOptionAsync("completed");
        await Expect(page.Locator("li.job")).ToHaveCountAsync(1);
        await Expect(page.Locator("li.job[data-status='completed']")).ToHaveCountAsync(1);
        Assert.Contains("status=completed", page.Url, StringComparison.Ordinal);
    }

    /// <summary>Each failed row says what killed it (category, exception, rank) and counts errors and warnings apart,
    /// the same numbers as the job's page.</summary>
    [Theory]
    [InlineData("demo-cuda-oom", "OOM training", "torch.OutOfMemoryError: CUDA out of memory.")]
    [InlineData("real-killed-loading-shards", "Host OOM", "SIGKILL")]
    public async Task A_failed_row_triages_and_its_counts_match_the_job_page(string job, string category, string cause)
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/");
        var row = page.Locator($"li.job[data-job='{job}']");
        await Expect(row.GetByTestId("job-category")).ToHaveTextAsync(category);
        await Expect(row.GetByTestId("root-cause")).ToContainTextAsync(cause);
        var errors = await row.GetByTestId("job-error-count").TextContentAsync();
        var warnings = await row.GetByTestId("job-warning-count").CountAsync() > 0 ? await row.GetByTestId("job-warning-count").TextContentAsync() : null;
        await Browser.ScreenshotAsync(page, "jobs-triage.png", fullPage: false);
        await row.Locator("a.job-link").ClickAsync();
        await Expect(page.GetByTestId("error-count")).ToHaveTextAsync(errors!);
        if (warnings is not null) await Expect(page.GetByTestId("warning-count")).ToHaveTextAsync(warnings);
        else await Expect(page.GetByTestId("warning-count")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_rejected_token_asks_again()
    {
        var page = await browser.NewPageAsync(token: "wrong-token");
        await page.GotoAsync("/");
        await Expect(page.GetByText("The service did not accept the token.")).ToBeVisibleAsync();
        await Axe.AssertCleanAsync(page, "sign-in");
    }
}
