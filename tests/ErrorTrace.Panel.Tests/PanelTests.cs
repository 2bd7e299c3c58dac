using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ErrorTrace.Panel.Tests;

public sealed class PanelTests(Browser browser)
{
    // Names the outermost elements that stick out of the viewport, inside the panel's shadow root too.
    private const string WidestJs = """
        () => {
          const out = [];
          const walk = (root) => root.querySelectorAll('*').forEach(el => {
            if (el.shadowRoot) walk(el.shadowRoot);
            if (el.parentElement?.closest('.trace-scroll')) return;
            const r = el.getBoundingClientRect();
            if (r.right > document.documentElement.clientWidth + 1 && out.length < 5) out.push(`${el.tagName}.${el.className} ${Math.round(r.right)}`);
          });
          walk(document);
          return out.join('; ');
        }
        """;

    private async Task<IPage> OpenOomAsync(int width = 1280)
    {
        var page = await browser.NewPageAsync(width);
        await page.GotoAsync("/jobs/demo-cuda-oom");
        await Expect(page.GetByTestId("category")).ToBeVisibleAsync();
        return page;
    }

    [Fact]
    public async Task The_OOM_job_shows_category_counts_and_traceback()
    {
        var page = await OpenOomAsync();
        await Expect(page.GetByTestId("category")).ToHaveTextAsync("OOM training");
        await Expect(page.GetByTestId("status")).ToHaveTextAsync("failed");
        await Expect(page.GetByTestId("exception")).ToContainTextAsync("torch.OutOfMemoryError");
        await Expect(page.GetByTestId("exception")).ToContainTextAsync("CUDA out of memory");
        Assert.True(await page.GetByTestId("count").CountAsync() >= 2);
        await Expect(page.Locator("li.entry.error").First).ToBeVisibleAsync();
        await Expect(page.Locator("li.entry.warning").First).ToBeVisibleAsync();
        await Expect(page.GetByTestId("header-error-count")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d+ errors?( · \d+ warnings?)?$"));
        var count = await page.Locator("error-trace-panel").GetAttributeAsync("error-count");
        Assert.True(int.Parse(count!, System.Globalization.CultureInfo.InvariantCulture) >= 1);
        await Expect(page.Locator(".frame .file").First).ToBeVisibleAsync();
        await Expect(page.Locator(".tok-call").First).ToBeVisibleAsync();
        await Expect(page.GetByText("Timeline")).ToBeVisibleAsync();
        await Browser.ScreenshotAsync(page, "panel-desktop.png");
    }

    [Fact]
    public async Task The_traceback_collapses_and_expands()
    {
        var page = await OpenOomAsync();
        var frames = page.Locator("details.traceback .frame").First;
        await Expect(frames).ToBeVisibleAsync();
        await page.Locator("details.traceback > summary").ClickAsync();
        await Expect(frames).ToBeHiddenAsync();
        await page.Locator("details.traceback > summary").ClickAsync();
        await Expect(frames).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Library_frames_are_folded_and_toggle()
    {
        var page = await OpenOomAsync();
        var library = page.Locator(".frame[data-library='true']");
        await Expect(library).ToHaveCountAsync(0);
        var show = page.Locator("[data-action='library-frames']").First;
        await Expect(show).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^Show \d+ library frames?$"));
        await show.ClickAsync();
        Assert.True(await library.CountAsync() > 0);
        await page.Locator("[data-action='library-frames']").First.ClickAsync();
        await Expect(library).ToHaveCountAsync(0);
        await page.Locator("[data-action='full-stack']").ClickAsync();
        Assert.Equal(7, await library.CountAsync());
        await page.Locator("[data-action='raw']").ClickAsync();
        await Expect(page.GetByTestId("raw")).ToContainTextAsync("Traceback (most recent call last):");
    }

    /// <summary>The report of an <c>ExceptionGroup</c> CPython printed (Reports/exception-group.json: <c>errortrace analyze
    /// --format json</c> over it), answered in place of the API: each sub-exception shows its own frames and line.</summary>
    [Fact]
    public async Task An_exception_group_shows_each_sub_exception()
    {
        var report = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Reports", "exception-group.json"), TestContext.Current.CancellationToken);
        var page = await browser.NewPageAsync();
        await page.RouteAsync("**/api/training/demo-cuda-oom/errors*", route => route.FulfillAsync(new() { Status = 200, ContentType = "application/json", Body = report }));
        await page.GotoAsync("/jobs/demo-cuda-oom");

        await Expect(page.GetByTestId("exception")).ToContainTextAsync("ExceptionGroup");
        var subs = page.GetByTestId("sub-exception");
        await Expect(subs).ToHaveCountAsync(3);
        await Expect(subs.Nth(0)).ToContainTextAsync("FileNotFoundError: shard-0.arrow not found");
        await Expect(subs.Nth(0).Locator(".frame .fn").Last).ToHaveTextAsync("load");
        await Expect(subs.Nth(2)).ToContainTextAsync("ValueError: invalid literal for int() with base 10: 'x'");
        await Browser.ScreenshotAsync(page, "panel-exception-group.png");
        await page.Locator("[data-action='raw']").ClickAsync();
        await Expect(page.GetByTestId("raw")).ToContainTextAsync("+---------------- 3 ----------------");
    }

    [Fact]
    public async Task Copy_puts_the_markdown_report_on_the_clipboard()
    {
        var page = await OpenOomAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Copy report" }).ClickAsync();
        await Expect(page.GetByTestId("status-line")).ToHaveTextAsync("Report copied to the clipboard");
        var text = await page.EvaluateAsync<string>("() => navigator.clipboard.readText()");
        Assert.Contains("## errortrace: job `demo-cuda-oom`", text, StringComparison.Ordinal);
        Assert.Contains("`oom_training`", text, StringComparison.Ordinal);
        Assert.Contains("```pytb", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refresh_refetches_with_the_etag()
    {
        var page = await OpenOomAsync();
        var response = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Refresh", Exact = true }).ClickAsync(),
            r => r.Url.EndsWith("/api/training/demo-cuda-oom/errors", StringComparison.Ordinal));
        Assert.Equal(304, response.Status);
        await Expect(page.GetByTestId("status-line")).ToContainTextAsync("Up to date");
        await Expect(page.GetByTestId("category")).ToHaveTextAsync("OOM training");
    }

    [Fact]
    public async Task A_375_px_viewport_has_no_page_level_horizontal_scroll()
    {
        var page = await OpenOomAsync(375);
        await page.Locator("[data-action='full-stack']").ClickAsync();
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        await Browser.ScreenshotAsync(page, "panel-mobile.png");
        var wide = overflow <= 0 ? "" : await page.EvaluateAsync<string>(WidestJs);
        Assert.True(overflow <= 0, $"the page scrolls horizontally by {overflow}px: {wide}");
        await page.GotoAsync("/");
        await Expect(page.Locator("li.job").First).ToBeVisibleAsync();
        overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"the job list scrolls horizontally by {overflow}px");
    }
}
