using System.Net.Http.Json;
using Microsoft.Playwright;
using SocialValue.Silo.Tests.Api;
using SocialValue.Silo.Tests.Contracts;
using static Microsoft.Playwright.Assertions;

namespace SocialValue.Silo.Tests.Web;

/// <summary>
/// The bar charts and the maturity radar of the dashboard and the annual report, at 375 px in Chromium: every label is
/// drawn at 12 CSS px or more (an SVG's text counted at the size its scaling gives it), nothing scrolls sideways, and
/// the figures still read as text.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ChartsAtPhoneWidthTests(BrowserFixture browser) : IAsyncLifetime
{
    private const string Council = Commissioning.Council;

    /// <summary>Each text of a chart with the size it is drawn at: its font size times the scale of its SVG, if any.</summary>
    private const string RenderedSizes = """
        () => [...document.querySelectorAll('figure.bars, figure.radar')].flatMap(figure => {
          const walker = document.createTreeWalker(figure, NodeFilter.SHOW_TEXT);
          const sizes = [];
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const element = node.parentElement;
            if (!node.textContent.trim() || element.closest('.visually-hidden') || !element.getClientRects().length) continue;
            const scale = element instanceof SVGElement ? Math.hypot(element.getScreenCTM().a, element.getScreenCTM().b) : 1;
            sizes.push({ text: node.textContent.trim(), size: parseFloat(getComputedStyle(element).fontSize) * scale });
          }
          return sizes;
        })
        """;

    private WebSite _site = null!;

    public async Task InitializeAsync() => _site = await WebSite.StartAsync(browser);

    public async Task DisposeAsync() => await _site.DisposeAsync();

    [Fact]
    public async Task Chart_labels_stay_at_least_12_pixels_and_nothing_scrolls_sideways_on_the_dashboard_and_the_report()
    {
        var cycle = new Commissioning(_site.Admin);
        await cycle.SetUpAsync();
        await cycle.ToLiveAsync("meals");
        (await _site.Admin.PutAsJsonAsync($"/api/organisations/{Council}/maturity", MaturityApiTests.WalsallAssessment)).EnsureSuccessStatusCode();
        var page = await _site.SignInAsync(await _site.KeyAsync("Viewer", Council), width: 375, height: 812);

        await page.GotoAsync($"/organisations/{Council}");
        await Expect(page.Locator("#by-theme")).ToContainTextAsync("Jobs and skills: £10,000 committed, £0 delivered");
        await Expect(page.Locator("#radar .radar-key li")).ToHaveCountAsync(10);
        await Expect(page.Locator("#radar .radar-key")).ToContainTextAsync("present Follower, target Leader");
        await AssertReadableAsync(page, "the dashboard", charts: 2);
        await WebSite.ScreenshotAsync(page, "charts-dashboard-phone");

        await page.GotoAsync($"/organisations/{Council}/report");
        await Expect(page.Locator("#report-themes")).ToContainTextAsync("Jobs and skills: £10,000 committed");
        await Expect(page.Locator("#report-years li")).ToHaveCountAsync(3);
        await AssertReadableAsync(page, "the report", charts: 3);
        await WebSite.ScreenshotAsync(page, "charts-report-phone");
        _site.AssertNoRequestLeftTheService();
    }

    private static async Task AssertReadableAsync(IPage page, string name, int charts)
    {
        await Expect(page.Locator("figure.bars, figure.radar")).ToHaveCountAsync(charts);
        var sizes = await page.EvaluateAsync<Label[]>(RenderedSizes);
        Assert.NotEmpty(sizes);
        Assert.All(sizes, label => Assert.True(label.Size >= 12, $"On {name}, \"{label.Text}\" is drawn at {label.Size:0.#} px."));
        var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"{name} is {overflow} px wider than a 375 px screen.");
    }

    /// <summary>Filled in by Playwright, which needs a parameterless constructor.</summary>
    private sealed class Label
    {
        public string Text { get; set; } = "";

        public double Size { get; set; }
    }
}
