using System.Globalization;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ErrorTrace.Panel.Tests;

/// <summary>The job page leads with the answer: the exception (or the death) as the page's heading, the user's
/// file:line, then the traceback, what happened just before, the analysis.</summary>
public sealed class AnswerTests(Browser browser)
{
    private static readonly string GeometryFile = Path.Combine(Browser.ArtifactsDir, "geometry.txt");

    private async Task<IPage> OpenAsync(string job, int width = 1280, int height = 800, bool dark = false)
    {
        var page = await browser.NewPageAsync(width, height, dark: dark);
        await page.GotoAsync($"/jobs/{job}");
        await Expect(page.Locator("h1#et-hero-h")).ToBeVisibleAsync();
        // Geometry is measured on the settled page: the breadcrumbs and the fleet link arrive by later requests and
        // must not move anything after the measurement (a slower CI machine measured before they had).
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        return page;
    }

    private static async Task<double> BottomAsync(ILocator locator) => (await locator.BoundingBoxAsync()) is { } box ? box.Y + box.Height : double.MaxValue;

    /// <summary>At 1280×800 the exception and the user's file:line need no scroll; at 375×812 the exception does not.
    /// The figures go to TestResults/panel/geometry.txt.</summary>
    [Theory]
    [InlineData("demo-cuda-oom", true)]
    [InlineData("real-oom-backward", false)]
    [InlineData("real-flash-attn-import", true)]
    [InlineData("real-nameerror-chain", true)]
    [InlineData("real-killed-loading-shards", false)]
    [InlineData("real-nccl-rank-prefixed", false)]
    [InlineData("real-watchdog-allgather", false)]
    public async Task The_answer_is_above_the_fold_at_both_sizes(string job, bool hasUserFrame)
    {
        var page = await OpenAsync(job);
        var exception = page.GetByTestId("exception");
        var place = page.GetByTestId("place");
        var exceptionBottom = await BottomAsync(exception);
        Assert.True(exceptionBottom <= 800, $"{job}: the exception ends at y={exceptionBottom} at 1280×800");
        double? placeBottom = null;
        if (hasUserFrame)
        {
            await Expect(place).ToBeVisibleAsync();
            placeBottom = await BottomAsync(place);
            Assert.True(placeBottom <= 800, $"{job}: the user's file:line ends at y={placeBottom} at 1280×800");
        }

        await Browser.ScreenshotAsync(page, $"{job}-1280.png", fullPage: false);
        var mobile = await OpenAsync(job, 375, 812);
        var mobileBottom = await BottomAsync(mobile.GetByTestId("exception"));
        Assert.True(mobileBottom <= 812, $"{job}: the exception ends at y={mobileBottom} at 375×812");
        var mobilePlace = hasUserFrame ? await BottomAsync(mobile.GetByTestId("place")) : (double?)null;
        await Browser.ScreenshotAsync(mobile, $"{job}-375.png", fullPage: false);
        var overflow = await mobile.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"{job}: the page scrolls sideways by {overflow}px at 375");
        lock (GeometryFile)
        {
            File.AppendAllText(GeometryFile, string.Create(CultureInfo.InvariantCulture,
                $"{job}: 1280x800 exception bottom {exceptionBottom:F0}, file:line bottom {placeBottom?.ToString("F0", CultureInfo.InvariantCulture) ?? "-"}; 375x812 exception bottom {mobileBottom:F0}, file:line bottom {mobilePlace?.ToString("F0", CultureInfo.InvariantCulture) ?? "-"}\n"));
        }
    }

    [Fact]
    public async Task The_heading_is_the_exception_and_the_place_is_the_users_frame()
    {
        var page = await OpenAsync("demo-cuda-oom");
        await Expect(page.GetByTestId("exception")).ToContainTextAsync("torch.OutOfMemoryError: CUDA out of memory.");
        await Expect(page.GetByTestId("place")).ToContainTextAsync("/opt/trainer/standalone_trainer.py:3401");
        await Expect(page.GetByTestId("place")).ToContainTextAsync("in main");
        // No path map: a path from the job's machine is text, not a broken editor link.
        await Expect(page.Locator("a[href^='vscode:']")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("category")).ToHaveTextAsync("OOM training");
        Assert.StartsWith("torch.OutOfMemoryError: CUDA out of memory.", await page.TitleAsync(), StringComparison.Ordinal);
        // The traceback's own count: every frame printed, the user's and the library's.
        await Expect(page.Locator("details.traceback > summary").First).ToHaveTextAsync("Frames (8 frames: 1 yours, 7 library)");
    }

    /// <summary>transformers' lazy import error: the real cause is the message's last line (a real log's job); a chain's
    /// first exception is named under the heading (the demo OOM report given a chain, answered in place of the API).</summary>
    [Fact]
    public async Task A_chain_or_a_wrapped_import_error_names_the_real_cause_under_the_heading()
    {
        var page = await OpenAsync("real-flash-attn-import");
        await Expect(page.GetByTestId("caused-by")).ToContainTextAsync("undefined symbol");

        var chained = await browser.NewPageAsync();
        await chained.RouteAsync("**/api/training/demo-cuda-oom/errors*", async route =>
        {
            var response = await route.FetchAsync();
            var json = System.Text.Json.Nodes.JsonNode.Parse(await response.TextAsync())!;
            json["traceback"]!["chain"] = System.Text.Json.Nodes.JsonNode.Parse("""[{"exception_type":"ImportError","exception_message":"No module named 'flash_attn'","frames":[],"relation":"cause"}]""");
            await route.FulfillAsync(new() { Status = 200, ContentType = "application/json", Body = json.ToJsonString() });
        });
        await chained.GotoAsync("/jobs/demo-cuda-oom");
        await Expect(chained.GetByTestId("caused-by")).ToHaveTextAsync("caused by ImportError: No module named 'flash_attn'");
    }

    [Fact]
    public async Task A_death_glued_to_a_progress_bar_says_killed_and_how_far_it_got()
    {
        var page = await OpenAsync("real-killed-loading-shards");
        var heading = page.GetByTestId("exception");
        await Expect(heading).ToContainTextAsync("Killed by SIGKILL");
        await Expect(heading).Not.ToContainTextAsync("4/7 [00:40");
        await Expect(page.GetByTestId("progress")).ToContainTextAsync("4/7 (57%)");
    }

    [Fact]
    public async Task A_log_of_several_runs_says_which_run_the_root_cause_is_from_and_copies_the_clis_markdown()
    {
        var page = await OpenAsync("real-multi-run-lsf");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Runs (5 in this log)" })).ToBeVisibleAsync();
        // Listed: the runs that failed (1, 2, 4) and the last (5); the root cause is run 4's.
        await Expect(page.GetByTestId("run")).ToHaveCountAsync(4);
        var root = page.Locator(".runs li.root-run");
        await Expect(root).ToContainTextAsync("Run 4");
        await Expect(root).ToContainTextAsync("T5Tokenizer requires the SentencePiece library");
        await Expect(page.GetByTestId("run").First).ToContainTextAsync("No module named 'dtu'");
        await Browser.ScreenshotAsync(page, "panel-multi-run.png");

        await page.GetByRole(AriaRole.Button, new() { Name = "Copy report" }).ClickAsync();
        await Expect(page.GetByTestId("status-line")).ToHaveTextAsync("Report copied to the clipboard");
        var text = await page.EvaluateAsync<string>("() => navigator.clipboard.readText()");
        Assert.Contains("### Runs\n\n5 runs in this log; the root cause is from run 4", text, StringComparison.Ordinal);
        Assert.Contains("| 4 (root cause) | lines 137–241 | wandb |", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Breadcrumbs_show_the_last_lines_and_line_numbers_open_the_log()
    {
        var page = await OpenAsync("demo-cuda-oom");
        var crumbs = page.GetByTestId("breadcrumbs");
        await Expect(crumbs.Locator(".log-lines li")).ToHaveCountAsync(5);
        await crumbs.Locator("[data-action='more-breadcrumbs']").ClickAsync();
        Assert.True(await crumbs.Locator(".log-lines li").CountAsync() > 5);
        // The evidence's line number opens the log there, the line marked.
        var evidence = page.Locator(".evidence [data-action='open-line']").First;
        var line = await evidence.GetAttributeAsync("data-line");
        await evidence.ClickAsync();
        var viewer = page.GetByTestId("log-viewer");
        await Expect(viewer).ToBeVisibleAsync();
        await Expect(viewer.Locator($"li.target[data-line='{line}']")).ToBeVisibleAsync();
        await Axe.AssertCleanAsync(page, "log viewer open");
        await page.Keyboard.PressAsync("Escape");
        await Expect(viewer).ToBeHiddenAsync();
    }

    [Fact]
    public async Task A_log_that_was_not_scanned_says_so_and_scans_on_request()
    {
        var page = await OpenAsync("demo-completed");
        await Expect(page.GetByTestId("not-scanned")).ToHaveTextAsync("Log not scanned");
        await Expect(page.GetByTestId("clean")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("header-error-count")).ToHaveTextAsync("not scanned");
        await Axe.AssertCleanAsync(page, "not scanned");
        var response = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Scan log", Exact = true }).ClickAsync(),
            r => r.Url.Contains("/errors?scan=true", StringComparison.Ordinal));
        Assert.Equal(200, response.Status);
        await Expect(page.GetByTestId("not-scanned")).ToHaveCountAsync(0);
        await Expect(page.Locator("h1#et-hero-h")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("header-error-count")).Not.ToHaveTextAsync("not scanned");
    }

    [Fact]
    public async Task A_running_job_is_scanned_without_asking()
    {
        var page = await browser.NewPageAsync();
        var scanned = page.WaitForResponseAsync(r => r.Url.Contains("/api/training/demo-running/errors?scan=true", StringComparison.Ordinal));
        await page.GotoAsync("/jobs/demo-running");
        Assert.Equal(200, (await scanned).Status);
        await Expect(page.GetByTestId("not-scanned")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("status")).ToHaveTextAsync("running");
    }

    [Fact]
    public async Task A_failed_refresh_keeps_the_report_and_offers_a_retry()
    {
        var page = await OpenAsync("demo-cuda-oom");
        await Expect(page.GetByTestId("category")).ToHaveTextAsync("OOM training");
        await page.RouteAsync("**/api/training/demo-cuda-oom/errors*", route => route.AbortAsync());
        await page.GetByRole(AriaRole.Button, new() { Name = "Refresh", Exact = true }).ClickAsync();
        var banner = page.GetByTestId("refresh-failed");
        await Expect(banner).ToBeVisibleAsync();
        await Expect(page.GetByTestId("exception")).ToContainTextAsync("torch.OutOfMemoryError");
        await Expect(page.GetByTestId("error-count")).ToBeVisibleAsync();
        await Axe.AssertCleanAsync(page, "refresh failed banner");
        await page.UnrouteAsync("**/api/training/demo-cuda-oom/errors*");
        await banner.Locator("[data-action='banner-retry']").ClickAsync();
        await Expect(banner).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("category")).ToHaveTextAsync("OOM training");
    }

    [Fact]
    public async Task Other_failures_expand_to_their_printouts()
    {
        var page = await OpenAsync("real-watchdog-allgather");
        var others = page.Locator("#et-other-h");
        if (await others.CountAsync() == 0) return; // the engine found one failure only: nothing to expand
        var first = page.Locator(".others details").First;
        await first.Locator("summary").ClickAsync();
        await Expect(first.Locator(".trace-body")).ToBeVisibleAsync();
        await Expect(page.Locator(".others summary").Filter(new() { HasText = "• — line" })).ToHaveCountAsync(0);
    }

    /// <summary>axe-core finds no serious or critical violation: default view, every expander open with library frames
    /// shown, dark mode, a real log's page, and at 375 px.</summary>
    [Fact]
    public async Task Axe_finds_nothing_serious_in_any_view_of_a_job()
    {
        var page = await OpenAsync("demo-cuda-oom");
        await Expect(page.GetByTestId("breadcrumbs").Locator(".log-lines li").First).ToBeVisibleAsync();
        await Axe.AssertCleanAsync(page, "default");
        await page.Locator("[data-action='full-stack']").ClickAsync();
        foreach (var action in new[] { "more-breadcrumbs", "more-suggestions", "full-message" })
        {
            var button = page.Locator($"[data-action='{action}']");
            if (await button.CountAsync() > 0) await button.First.ClickAsync();
        }

        await page.EvaluateAsync("() => document.querySelector('error-trace-panel').shadowRoot.querySelectorAll('details').forEach(d => d.open = true)");
        await Axe.AssertCleanAsync(page, "library frames and every expander open");
        await Browser.ScreenshotAsync(page, "panel-expanded.png");

        var dark = await OpenAsync("demo-cuda-oom", dark: true);
        await dark.Locator("[data-action='full-stack']").ClickAsync();
        await dark.Locator("[data-level='error']").ClickAsync();
        await Axe.AssertCleanAsync(dark, "dark mode, filter pressed");
        await Browser.ScreenshotAsync(dark, "panel-dark.png", fullPage: false);

        foreach (var job in new[] { "real-nccl-rank-prefixed", "real-killed-loading-shards" })
        {
            var real = await OpenAsync(job, 375, 812);
            await Axe.AssertCleanAsync(real, $"{job} at 375 px");
        }
    }
}
