using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SocialValue.Silo.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace SocialValue.Silo.Tests.Web;

/// <summary>
/// A Kite Mark champion's whole job from the pages, starting from the bootstrap key: the administrator registers the
/// council and the trust and issues their keys, the trust applies on its pages, and the champion works the queue,
/// reviews each piece of evidence and awards the Kite Mark, which then shows as expiring under a short local scheme.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ChampionJourneyTests(BrowserFixture browser) : IAsyncLifetime
{
    private const string Council = "wirral-council";
    private const string Trust = "alder-hey";

    private WebSite _site = null!;

    public async Task InitializeAsync() => _site = await WebSite.StartAsync(browser);

    public async Task DisposeAsync() => await _site.DisposeAsync();

    [Fact]
    public async Task A_champion_accepts_evidence_and_awards_the_kite_mark()
    {
        var setUp = new PageSetUp(_site);
        await setUp.RegisterAsync(new(Council, "Wirral Council", "LocalAuthority", "Wirral"),
            new(Trust, "Alder Hey Children's NHS Foundation Trust", "NhsProvider", "Liverpool"));
        var championKey = await setUp.KeyAsync("Champion", Council);
        var officerKey = await setUp.KeyAsync("Officer", Trust);
        await setUp.SignOutAsync();

        // The champion makes the body's own scheme (60 days' validity, so the award shows as expiring) on its queue page.
        var champion = await _site.SignInAsync(championKey);
        await champion.GotoAsync("/kitemark/queue");
        await champion.GetByLabel("Copy of").SelectOptionAsync("cheshire-merseyside");
        await champion.GetByLabel("Scheme name").FillAsync("Wirral, short validity");
        await champion.GetByLabel("Scheme id (optional)").FillAsync("wirral-short");
        await champion.GetByLabel("An award is valid for (days)").FillAsync("sixty");
        await champion.GetByRole(AriaRole.Button, new() { Name = "Save scheme" }).ClickAsync();
        await Expect(champion.Locator("#schemes .flash.error")).ToContainTextAsync("whole number of days");
        await Expect(champion.Locator("#scheme-list")).Not.ToContainTextAsync("Wirral, short validity");
        await champion.GetByLabel("Copy of").SelectOptionAsync("cheshire-merseyside");
        await champion.GetByLabel("Scheme name").FillAsync("Wirral, short validity");
        await champion.GetByLabel("Scheme id (optional)").FillAsync("wirral-short");
        await champion.GetByLabel("An award is valid for (days)").FillAsync("60");
        await champion.GetByRole(AriaRole.Button, new() { Name = "Save scheme" }).ClickAsync();
        await Expect(champion.Locator("#schemes .flash")).ToHaveTextAsync("Scheme Wirral, short validity saved: valid for 60 days.");
        await Expect(champion.Locator("#scheme-list")).ToContainTextAsync("Wirral, short validity local · valid for 60 days");
        var applicant = await _site.SignInAsync(officerKey);
        var id = await PageSetUp.ApplyAsync(applicant, Trust, Council, "wirral-short",
            ("social", "social-4"), ("economic", "economic-2"), ("environment", "environment-6"), ("innovation", "innovation-1"));
        var page = await _site.SignInAsync(championKey);

        await Expect(page).ToHaveURLAsync(new Regex("/kitemark/queue$"));
        await Expect(page.Locator("#state-Submitted")).ToBeVisibleAsync();
        await WebSite.ScreenshotAsync(page, "champion-queue");
        await page.GetByRole(AriaRole.Link, new() { Name = "Alder Hey Children's NHS Foundation Trust" }).ClickAsync();
        await page.Locator("button[data-trigger=StartReview]").ClickAsync();
        await Expect(page.Locator("#application-state")).ToHaveAttributeAsync("data-state", "UnderReview");

        var award = page.Locator("button[data-trigger=Award]");
        await Expect(award).ToBeDisabledAsync();
        await Expect(page.Locator("#application-transitions-Award-why")).ToContainTextAsync("has no accepted evidence yet");
        foreach (var item in await page.Locator("li.evidence-item").AllAsync())
        {
            var evidence = await item.GetAttributeAsync("id");
            await page.Locator($"#{evidence} input[name=comment]").FillAsync("Clear, dated evidence");
            await page.Locator($"#{evidence} button[value=true]").ClickAsync();
            await Expect(page.Locator($"#{evidence} .review")).ToHaveAttributeAsync("data-review", "accepted");
        }
        await Expect(page.Locator("[data-covered=False]")).ToHaveCountAsync(0);
        await Expect(page.Locator("#must-dos [data-met=False]")).ToHaveCountAsync(0);
        await Expect(award).ToBeEnabledAsync();
        // Award cannot be undone: it asks for a reason and an "I understand" first.
        await page.Locator("#application-transitions-Award-reason").FillAsync("Every theme and must-do is evidenced");
        await page.Locator("#application-transitions-Award-confirm").CheckAsync();
        await award.ClickAsync();

        await Expect(page.Locator("#application-state")).ToHaveAttributeAsync("data-state", "Awarded");
        await WebSite.ScreenshotAsync(page, "kitemark-application");
        await Contrast.AssertAtLeast4_5Async(page);
        await page.GotoAsync("/kitemark/queue");
        await Expect(page.Locator("#state-Awarded")).ToBeVisibleAsync();
        await Expect(page.Locator("#expiring")).ToContainTextAsync("Alder Hey Children's NHS Foundation Trust");

        await PageChecks.AssertAccessibleAndFitAsync(_site, championKey,
            ("champion-queue", "/kitemark/queue"), ("champion-application", $"/kitemark/applications/{id}"), ("register", "/register"));
        _site.AssertNoRequestLeftTheService();
    }
}
