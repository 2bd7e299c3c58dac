using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ErrorTrace.Panel.Tests;

/// <summary>The failures page over the demo: the indexer has grouped the demo's failed jobs by itself (nobody opened
/// them), the shared CUDA OOM leads, node-4 is flagged, the filter and the links work, and a job page links back.</summary>
public sealed class FailuresPageTests(Browser browser)
{
    /// <summary>The demo is indexed in the background after the service starts; the page refreshes itself until then.</summary>
    private static readonly LocatorAssertionsToHaveCountOptions s_indexed = new() { Timeout = 60_000 };

    [Fact]
    public async Task Signatures_with_counts_sparklines_hosts_and_a_suspect_node()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/failures");
        var rows = page.Locator("li.failure");
        await Expect(rows.First).ToHaveCountAsync(1, s_indexed);
        await Expect(page.Locator("li.failure[data-category='oom_training']").First.GetByTestId("failure-count")).ToHaveTextAsync("5", new() { Timeout = 60_000 });
        var first = rows.First;
        await Expect(first).ToHaveAttributeAsync("data-category", "oom_training");
        await Expect(first.Locator(".title")).ToHaveTextAsync("OutOfMemoryError: CUDA out of memory.");
        await Expect(first.Locator("svg.sparkline rect")).ToHaveCountAsync(14);
        await Expect(first.Locator(".chip").First).ToContainTextAsync("node-5");
        await Expect(page.GetByTestId("suspect-hosts")).ToContainTextAsync("node-4");
        await Expect(page.Locator("li.failure .chip.suspect").First).ToContainTextAsync("node-4");
        await Browser.ScreenshotAsync(page, "failures-desktop.png");

        await page.Locator("#category-filter").SelectOptionAsync("host_oom");
        // The demo's host OOMs and, beside them, the real-log jobs' own (RealLogJobs): every row is a host OOM.
        await Expect(rows.First).ToHaveAttributeAsync("data-category", "host_oom");
        Assert.All(await rows.EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.category)"), c => Assert.Equal("host_oom", c));
        Assert.Contains("category=host_oom", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_signature_lists_its_jobs_and_a_job_links_back_to_it()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/failures");
        var oom = page.Locator("li.failure[data-category='oom_training']").First;
        await Expect(oom.GetByTestId("failure-count")).ToHaveTextAsync("5", new() { Timeout = 60_000 });
        await oom.Locator("a.title").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("OutOfMemoryError: CUDA out of memory.");
        var jobs = page.Locator("ul.failure-jobs li");
        await Expect(jobs).ToHaveCountAsync(5);
        await page.Locator("ul.failure-jobs li[data-job='demo-cuda-oom'] a").ClickAsync();
        var same = page.GetByTestId("same-failure").GetByRole(AriaRole.Link);
        await Expect(same).ToHaveTextAsync("Same failure in 4 other jobs");
        await same.ClickAsync();
        await Expect(page.Locator("ul.failure-jobs li")).ToHaveCountAsync(5);
    }

    [Fact]
    public async Task The_failures_page_fits_a_phone()
    {
        var page = await browser.NewPageAsync(width: 375, height: 812);
        await page.GotoAsync("/failures");
        await Expect(page.Locator("li.failure").First).ToHaveCountAsync(1, s_indexed);
        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > document.documentElement.clientWidth");
        Assert.False(overflow);
        await Browser.ScreenshotAsync(page, "failures-mobile.png");
    }
}
