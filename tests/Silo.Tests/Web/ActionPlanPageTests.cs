using System.Net.Http.Json;
using SocialValue.Silo.Tests.Api;
using static Microsoft.Playwright.Assertions;

namespace SocialValue.Silo.Tests.Web;

/// <summary>
/// The printable action plan, a Razor document of its own: opened from the dashboard in Chromium, its inline A4
/// stylesheet applies under the pages' CSP (which allows that one stylesheet by its hash and nothing else inline).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ActionPlanPageTests(BrowserFixture browser) : IAsyncLifetime
{
    private const string Walsall = "walsall";
    private WebSite _site = null!;

    public async Task InitializeAsync() => _site = await WebSite.StartAsync(browser);

    public async Task DisposeAsync() => await _site.DisposeAsync();

    [Fact]
    public async Task The_printable_plan_opens_from_the_dashboard_with_its_own_stylesheet_allowed_by_hash()
    {
        await _site.PostAsync("/api/organisations", new { id = Walsall, name = "Walsall Council", type = "LocalAuthority", place = "Walsall" });
        (await _site.Admin.PutAsJsonAsync($"/api/organisations/{Walsall}/maturity", MaturityApiTests.WalsallAssessment)).EnsureSuccessStatusCode();
        var page = await _site.SignInAsync(await _site.KeyAsync("Viewer", Walsall));
        var violations = new List<string>();
        page.Console += (_, message) => violations.AddRange(message.Text.Contains("Content Security Policy", StringComparison.Ordinal) ? [message.Text] : []);

        var response = await page.RunAndWaitForResponseAsync(() => page.Locator("#printable-plan").ClickAsync(),
            r => r.Url.EndsWith($"/organisations/{Walsall}/action-plan", StringComparison.Ordinal));
        var policy = await response.HeaderValueAsync("content-security-policy");

        Assert.Matches("style-src 'sha256-[A-Za-z0-9+/=]+';", policy);
        await Expect(page.Locator("h1")).ToHaveTextAsync("Social Value Maturity Index");
        await Expect(page.Locator("dl.summary")).ToContainTextAsync("Walsall Council");
        // 18pt from the inline stylesheet, not the browser's 2em: the policy let it apply.
        Assert.Equal("24px", await page.Locator("h1").EvaluateAsync<string>("h => getComputedStyle(h).fontSize"));
        Assert.Empty(violations);
        await WebSite.ScreenshotAsync(page, "action-plan");
        _site.AssertNoRequestLeftTheService();
    }
}
