using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace SocialValue.Silo.Tests.Web;

/// <summary>
/// An NHS trust's Officer applies for the Social Value Award from the pages: to an awarding body, consent, evidence under
/// each theme, submit; the champion asks for more evidence on the champion's pages, the trust adds it and resubmits, and
/// sees coverage and must-dos as the champion does. The journey starts from the bootstrap key (PageSetUp).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ApplicantJourneyTests(BrowserFixture browser) : IAsyncLifetime
{
    private const string Trust = "alder-hey";
    private const string Council = "wirral-council";
    private static readonly (string Theme, string Criterion)[] Evidence =
        [("social", "social-4"), ("economic", "economic-2"), ("environment", "environment-6"), ("innovation", "innovation-1")];

    private WebSite _site = null!;

    public async Task InitializeAsync() => _site = await WebSite.StartAsync(browser);

    public async Task DisposeAsync() => await _site.DisposeAsync();

    [Fact]
    public async Task A_trust_applies_with_consent_and_evidence_answers_a_request_for_more_and_sees_coverage_as_the_champion_does()
    {
        var setUp = new PageSetUp(_site);
        await setUp.RegisterAsync(
            new(Council, "Wirral Council", "LocalAuthority", "Wirral"), new("liverpool-chamber", "Liverpool Chamber of Commerce", "ChamberOfCommerce", "Liverpool"),
            new(Trust, "Alder Hey Children's NHS Foundation Trust", "NhsProvider", "Liverpool"));
        var championKey = await setUp.KeyAsync("Champion", Council);
        var officerKey = await setUp.KeyAsync("Officer", Trust);
        await setUp.SignOutAsync();
        var page = await _site.SignInAsync(officerKey);

        await page.GotoAsync($"/applicants/{Trust}");
        await page.Locator("#awarding-body").SelectOptionAsync(Council);
        await Expect(page.Locator("#awarding-body option[value='liverpool-chamber']")).ToHaveCountAsync(1);
        await Expect(page.Locator($"#awarding-body option[value='{Trust}']")).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Button, new() { Name = "Start the application" }).ClickAsync();
        await Expect(page.Locator("#flash")).ToContainTextAsync("Application started.");
        await Expect(page.Locator("#application-state")).ToHaveAttributeAsync("data-state", "Draft");
        var id = new Regex($"/applicants/{Trust}/applications/([a-z0-9-]+)$").Match(page.Url).Groups[1].Value;
        Assert.NotEmpty(id);

        await Expect(page.Locator("button[data-trigger=Submit]")).ToBeDisabledAsync();
        await Expect(page.Locator("#why-Submit")).ToContainTextAsync("consent");
        await page.Locator("#consent-to-publish").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save consent" }).ClickAsync();
        await Expect(page.Locator("#flash")).ToContainTextAsync("Consent to publish given.");
        await Expect(page.Locator("button[data-trigger=Submit]")).ToBeEnabledAsync();

        await Expect(page.Locator("#theme-social #criterion-social-4 .badge.must-do")).ToBeVisibleAsync();
        foreach (var (theme, criterion) in Evidence)
        {
            await PageSetUp.AddEvidenceAsync(page, theme, criterion, $"Our work on {criterion}");
        }
        await WebSite.ScreenshotAsync(page, "applicant-draft");
        await page.Locator("button[data-trigger=Submit]").ClickAsync();
        await Expect(page.Locator("#application-state")).ToHaveAttributeAsync("data-state", "Submitted");

        var champion = await _site.SignInAsync(championKey);
        await champion.GotoAsync($"/kitemark/applications/{id}");
        await champion.Locator("button[data-trigger=StartReview]").ClickAsync();
        await Expect(champion.Locator("#application-state")).ToHaveAttributeAsync("data-state", "UnderReview");
        foreach (var (_, criterion) in Evidence)
        {
            var innovation = criterion == "innovation-1";
            await PageSetUp.ReviewEvidenceAsync(champion, $"Our work on {criterion}", !innovation,
                innovation ? "Name the new approach and what it changed." : "Clear and evidenced.");
        }
        await champion.Locator("#request-evidence-reason").FillAsync("Innovation needs a worked example.");
        await champion.Locator("button[data-trigger=RequestEvidence]").ClickAsync();
        await Expect(champion.Locator("#application-state")).ToHaveAttributeAsync("data-state", "MoreEvidenceRequested");

        await page.ReloadAsync();
        await Expect(page.Locator("#application-state")).ToHaveAttributeAsync("data-state", "MoreEvidenceRequested");
        await Expect(page.Locator("#more-evidence")).ToContainTextAsync("Innovation needs a worked example.");
        await Expect(page.Locator("#criterion-innovation-1 .review[data-review=rejected]")).ToContainTextAsync("Name the new approach and what it changed.");
        await Expect(page.Locator("#criterion-social-4 .review[data-review=accepted]")).ToContainTextAsync("Clear and evidenced.");
        await Expect(page.Locator("#coverage li[data-theme=innovation]")).ToHaveAttributeAsync("data-covered", "False");
        await Expect(page.Locator("button[data-trigger=Resubmit]")).ToBeEnabledAsync();
        await WebSite.ScreenshotAsync(page, "applicant-more-evidence");

        await PageSetUp.AddEvidenceAsync(page, "innovation", "innovation-1", "Digital outpatient letters co-designed with families: 40% fewer missed appointments.");
        await page.Locator("button[data-trigger=Resubmit]").ClickAsync();
        await Expect(page.Locator("#application-state")).ToHaveAttributeAsync("data-state", "UnderReview");

        await champion.ReloadAsync();
        await PageSetUp.ReviewEvidenceAsync(champion, "Digital outpatient letters", true, "A worked example, with its result.");
        await page.ReloadAsync();

        var asChampionSees = await _site.GetAsync($"/api/kitemark/applications/{id}");
        foreach (var theme in asChampionSees.GetProperty("coverage").EnumerateArray())
        {
            await Expect(page.Locator($"#coverage li[data-theme={theme.GetProperty("themeId").GetString()}]"))
                .ToHaveAttributeAsync("data-covered", theme.GetProperty("covered").GetBoolean() ? "True" : "False");
        }
        var mustDos = asChampionSees.GetProperty("mustDos").EnumerateArray().ToList();
        await Expect(page.Locator("#must-dos li")).ToHaveCountAsync(mustDos.Count);
        for (var i = 0; i < mustDos.Count; i++)
        {
            await Expect(page.Locator("#must-dos li").Nth(i)).ToHaveAttributeAsync("data-met", mustDos[i].GetProperty("met").GetBoolean() ? "True" : "False");
            await Expect(page.Locator("#must-dos li").Nth(i)).ToContainTextAsync(mustDos[i].GetProperty("text").GetString()!);
        }
        await Expect(page.Locator("#coverage li[data-covered=True]")).ToHaveCountAsync(4);
        await Expect(page.Locator("#must-dos li[data-met=True]")).ToHaveCountAsync(3);
        await WebSite.ScreenshotAsync(page, "applicant-covered");
        await Contrast.AssertAtLeast4_5Async(page);

        await page.GotoAsync($"/applicants/{Trust}");
        await Expect(page.Locator($"#application-{id} [data-state]")).ToHaveAttributeAsync("data-state", "UnderReview");
        await Expect(page.Locator($"#application-{id}")).ToContainTextAsync("Wirral Council");
        await PageChecks.AssertAccessibleAndFitAsync(_site, officerKey,
            ("applicant-home", $"/applicants/{Trust}"), ("applicant-application", $"/applicants/{Trust}/applications/{id}"));
        _site.AssertNoRequestLeftTheService();
    }

    [Fact]
    public async Task A_consent_form_read_before_the_application_changed_is_refused_412_and_changes_nothing()
    {
        await SetUpAsync();
        var officerKey = await _site.KeyAsync("Officer", Trust);
        var officer = _site.Client(officerKey);
        await _site.PostAsync("/api/kitemark/applications",
            new { id = "alder-hey-2026", organisationId = Trust, awardingBodyId = Council, consentToPublish = false }, officer);
        var page = await _site.SignInAsync(officerKey);
        await page.GotoAsync($"/applicants/{Trust}/applications/alder-hey-2026");

        await _site.PostAsync("/api/kitemark/applications/alder-hey-2026/evidence", new { criterionId = "social-4", description = "Added elsewhere" }, officer);
        await page.Locator("#consent-to-publish").CheckAsync();
        var stale = await page.RunAndWaitForResponseAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Save consent" }).ClickAsync(), r => r.Request.Method == "POST");

        Assert.Equal(412, stale.Status);
        Assert.False((await _site.GetAsync("/api/kitemark/applications/alder-hey-2026")).GetProperty("consentToPublish").GetBoolean());
    }

    [Fact]
    public async Task Evidence_refused_by_the_api_rules_is_shown_beside_its_field_at_phone_width()
    {
        await SetUpAsync();
        var officerKey = await _site.KeyAsync("Officer", Trust);
        await _site.PostAsync("/api/kitemark/applications",
            new { id = "alder-hey-2026", organisationId = Trust, awardingBodyId = Council, consentToPublish = true }, _site.Client(officerKey));
        var page = await _site.SignInAsync(officerKey, width: 375, height: 812);
        await page.GotoAsync($"/applicants/{Trust}/applications/alder-hey-2026");

        var form = page.Locator("#evidence-social");
        await form.Locator("textarea").FillAsync("   ");
        var refused = await page.RunAndWaitForResponseAsync(() => form.GetByRole(AriaRole.Button, new() { Name = "Add evidence" }).ClickAsync(), r => r.Request.Method == "POST");
        Assert.Equal(422, refused.Status);
        await Expect(page.Locator("#evidence-social-description-error")).ToContainTextAsync("'description' is required.");
        Assert.Equal(0, (await _site.GetAsync("/api/kitemark/applications/alder-hey-2026")).GetProperty("evidence").GetArrayLength());

        await WebSite.ScreenshotAsync(page, "applicant-phone");
    }

    /// <summary>The trust, a council and a chamber of commerce that award, over REST for the narrower checks.</summary>
    private async Task SetUpAsync()
    {
        await _site.PostAsync("/api/organisations", new { id = Council, name = "Wirral Council", type = "LocalAuthority", place = "Wirral" });
        await _site.PostAsync("/api/organisations", new { id = "liverpool-chamber", name = "Liverpool Chamber of Commerce", type = "ChamberOfCommerce", place = "Liverpool" });
        await _site.PostAsync("/api/organisations", new { id = Trust, name = "Alder Hey Children's NHS Foundation Trust", type = "NhsProvider", place = "Liverpool" });
    }
}
