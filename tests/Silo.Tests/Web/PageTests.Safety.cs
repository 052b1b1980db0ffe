using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SocialValue.Silo.Tests.Contracts;
using SocialValue.Silo.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace SocialValue.Silo.Tests.Web;

/// <summary>Every main page passes axe-core and fits a phone; a forged or stale form post changes nothing.</summary>
public sealed partial class PageTests
{
    [Fact]
    public async Task Every_main_page_has_no_serious_accessibility_violation_and_fits_375_pixels()
    {
        await AssessWalsallAsync();
        var commissioning = new Commissioning(_site.Admin);
        await commissioning.SetUpAsync();
        await commissioning.ToLiveAsync("care");
        var supplier = _site.Client(await _site.KeyAsync("Supplier", Commissioning.Supplier));
        await _site.PostAsync("/api/contracts/care/returns",
            new { id = "q1", period = Commissioning.Period(0), lines = new[] { new { measureId = "new-jobs", quantity = 4 } } }, supplier);
        var champion = await ApplicationUnderReviewAsync("alder-hey-2026");
        var officer = await _site.KeyAsync("Officer", Walsall);
        var councilOfficer = await _site.KeyAsync("Officer", Commissioning.Council);

        await PageChecks.AssertAccessibleAndFitsAsync(_site, null, "/sign-in", "sign-in");
        await PageChecks.AssertAccessibleAndFitsAsync(_site, null, "/register", "register-checked");
        await PageChecks.AssertAccessibleAndFitsAsync(_site, officer, $"/organisations/{Walsall}", "dashboard-checked");
        await PageChecks.AssertAccessibleAndFitsAsync(_site, councilOfficer, $"/organisations/{Commissioning.Council}", "dashboard-contracts");
        await PageChecks.AssertAccessibleAndFitsAsync(_site, councilOfficer, "/contracts/care", "contract-checked");
        await PageChecks.AssertAccessibleAndFitsAsync(_site, champion, "/kitemark/queue", "champion-queue-checked");
        await PageChecks.AssertAccessibleAndFitsAsync(_site, champion, "/kitemark/applications/alder-hey-2026", "kitemark-application-checked");
        await PageChecks.AssertAccessibleAndFitsAsync(_site, TestSilo.AdminKey, "/organisations", "organisations");
        await PageChecks.AssertAccessibleAndFitsAsync(_site, TestSilo.AdminKey, "/kitemark/queue", "champion-queue-admin");
        await PageChecks.AssertAccessibleAndFitsAsync(_site, TestSilo.AdminKey, "/frameworks", "frameworks");
        await PageChecks.AssertAccessibleAndFitsAsync(_site, TestSilo.AdminKey, $"/frameworks/{Commissioning.Framework}", "framework");
        await PageChecks.AssertAccessibleAndFitsAsync(_site, TestSilo.AdminKey, $"/frameworks/{Commissioning.Framework}/measures/new-jobs", "formula-editor-checked");
        _site.AssertNoRequestLeftTheService();
    }

    [Fact]
    public async Task A_form_post_without_its_antiforgery_token_is_refused_and_changes_nothing()
    {
        await AssessWalsallAsync();
        var page = await _site.SignInAsync(await _site.KeyAsync("Officer", Walsall));
        var version = await page.Locator("#action-d-mature-1 input[name=ifMatch]").GetAttributeAsync("value");

        var forged = await page.Context.APIRequest.PostAsync($"/organisations/{Walsall}/actions/d-mature-1",
            new() { Form = FormOf(page.Context.APIRequest, ("ifMatch", version!), ("status", "Done")), MaxRedirects = 0 });

        Assert.Equal(400, forged.Status);
        Assert.Contains("The form has expired", await forged.TextAsync());
        Assert.Equal("NotStarted", await ActionStatusAsync("d-mature-1"));
    }

    [Fact]
    public async Task A_form_shown_before_someone_else_changed_the_resource_is_refused_412_and_changes_nothing()
    {
        await AssessWalsallAsync();
        var page = await _site.SignInAsync(await _site.KeyAsync("Officer", Walsall), javaScript: false);
        await page.Locator("#status-d-mature-1").SelectOptionAsync("Done");

        // Meanwhile another officer changes another action of the same plan.
        (await _site.Admin.PatchAsync($"/api/organisations/{Walsall}/maturity/actions/d-mature-2",
            System.Net.Http.Json.JsonContent.Create(new { owner = "Someone else" }))).EnsureSuccessStatusCode();
        var answer = await page.RunAndWaitForResponseAsync(
            () => page.Locator("#action-d-mature-1 button[type=submit]").ClickAsync(), r => r.Request.Method == "POST");

        Assert.Equal(412, answer.Status);
        await Expect(page.Locator("h1")).ToHaveTextAsync("Changed since you opened it");
        await Expect(page.Locator("#problem")).ToContainTextAsync("Nothing was saved");
        Assert.Equal("NotStarted", await ActionStatusAsync("d-mature-1"));
        await page.GetByRole(AriaRole.Link, new() { Name = "Back to the page" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/organisations/{Walsall}#action-d-mature-1$"));
        await Expect(page.Locator("#owner-d-mature-2")).ToHaveValueAsync("Someone else");
    }

    [Fact]
    public async Task Terminating_a_contract_asks_for_a_reason_and_an_i_understand_and_the_history_shows_it()
    {
        var commissioning = new Commissioning(_site.Admin);
        await commissioning.SetUpAsync();
        await commissioning.CreateContractAsync("meals");
        var page = await _site.SignInAsync(await _site.KeyAsync("Officer", Commissioning.Council), javaScript: false);
        await page.GotoAsync("/contracts/meals");

        var cancel = page.Locator("button[data-trigger=Cancel]");
        await Expect(cancel).ToHaveClassAsync("danger");
        // Without the reason and the tick the browser does not send the form; a post without the tick is refused.
        var token = await page.Locator("#contract-transitions form:has(button[data-trigger=Cancel]) input[name=__af]").GetAttributeAsync("value");
        var unconfirmed = await page.Context.APIRequest.PostAsync("/contracts/meals/transitions",
            new() { Form = FormOf(page.Context.APIRequest, ("__af", token!), ("trigger", "Cancel"), ("reason", "Budget withdrawn")), MaxRedirects = 0 });
        Assert.Equal(302, unconfirmed.Status);
        await page.ReloadAsync();
        await Expect(page.Locator("#transitions #flash")).ToContainTextAsync("tick “I understand”");
        await Expect(page.Locator("#contract-state")).ToHaveAttributeAsync("data-state", "Initiated");

        await page.Locator("#contract-transitions-Cancel-reason").FillAsync("Budget withdrawn");
        await page.Locator("#contract-transitions-Cancel-confirm").CheckAsync();
        await cancel.ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/contracts/meals#transitions$"));
        await Expect(page.Locator("#transitions #flash")).ToContainTextAsync("Cancel done.");
        await Expect(page.Locator("#contract-state")).ToHaveAttributeAsync("data-state", "Cancelled");
        var last = page.Locator("#contract-history li").First;
        await Expect(last).ToContainTextAsync("Cancel: Initiated → Cancelled");
        await Expect(last).ToContainTextAsync("Budget withdrawn");
        await Expect(page.Locator("main")).ToContainTextAsync("Commissioned by Walsall Council");
        await WebSite.ScreenshotAsync(page, "contract-cancelled");
    }

    [Fact]
    public async Task Done_actions_stay_in_sight_after_advance_and_the_plan_shows_its_progress()
    {
        await AssessWalsallAsync();
        foreach (var action in new[] { "d-mature-1", "d-mature-2" })
        {
            (await _site.Admin.PatchAsync($"/api/organisations/{Walsall}/maturity/actions/{action}",
                System.Net.Http.Json.JsonContent.Create(new { status = "Done" }))).EnsureSuccessStatusCode();
        }
        var page = await _site.SignInAsync(await _site.KeyAsync("Officer", Walsall));
        var total = await page.Locator("li.action").CountAsync();
        await Expect(page.Locator("#plan-progress")).ToContainTextAsync($"2 of {total} done");

        await page.Locator("#advance-D button[data-trigger=Advance]").ClickAsync();

        await Expect(page.Locator("#dimension-D #flash")).ToContainTextAsync("Dimension D: Advance done.");
        await Expect(page.Locator("#dimension-D .level")).ToHaveAttributeAsync("data-present", "Mature");
        await Expect(page.Locator("#action-d-mature-1 [data-status=Done]")).ToBeVisibleAsync();
        await Expect(page.Locator("#plan-progress")).ToContainTextAsync($"2 of {total} done");
        await Expect(page.Locator("#history-D li").First).ToContainTextAsync("Advance: Follower → Mature");
        await Expect(page.Locator("#dimension-D #flash")).ToBeFocusedAsync();
    }

    private async Task<string> ActionStatusAsync(string actionId) =>
        (await _site.GetAsync($"/api/organisations/{Walsall}/maturity")).GetProperty("dimensions").EnumerateArray()
            .SelectMany(x => x.GetProperty("actions").EnumerateArray()).Single(a => a.GetProperty("id").GetString() == actionId)
            .GetProperty("status").GetString()!;
}
