using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SocialValue.Silo.Tests.Api;
using SocialValue.Silo.Tests.Contracts;
using SocialValue.Silo.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace SocialValue.Silo.Tests.Web;

/// <summary>
/// Each kind of user does their main task start to finish in headless Chromium against the real Silo, and no page
/// asks anything of any host but the Silo.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class PageTests(BrowserFixture browser) : IAsyncLifetime
{
    private const string Walsall = "walsall";
    private WebSite _site = null!;

    public async Task InitializeAsync() => _site = await WebSite.StartAsync(browser);

    public async Task DisposeAsync() => await _site.DisposeAsync();

    [Fact]
    public async Task An_officer_marks_actions_done_and_advances_a_dimension()
    {
        await AssessWalsallAsync();
        var page = await _site.SignInAsync(await _site.KeyAsync("Officer", Walsall));

        await Expect(page).ToHaveURLAsync(new Regex($"/organisations/{Walsall}$"));
        await Expect(page.Locator("#radar")).ToBeVisibleAsync();
        var advance = page.Locator("#advance-D button[data-trigger=Advance]");
        await Expect(advance).ToBeDisabledAsync();
        await Expect(page.Locator("#advance-D .why")).ToContainTextAsync("d-mature-1");
        await WebSite.ScreenshotAsync(page, "dashboard");
        await Contrast.AssertAtLeast4_5Async(page);

        foreach (var action in new[] { "d-mature-1", "d-mature-2" })
        {
            await page.Locator($"#status-{action}").SelectOptionAsync("Done");
            await page.Locator($"#owner-{action}").FillAsync("Head of Commissioning");
            await page.Locator($"#due-{action}").FillAsync("2027-03-31");
            await page.Locator($"#action-{action} button[type=submit]").ClickAsync();
            await Expect(page.Locator("#flash")).ToContainTextAsync("Action saved.");
            await Expect(page.Locator($"#status-{action}")).ToHaveValueAsync("Done");
        }
        await Expect(advance).ToBeEnabledAsync();
        await advance.ClickAsync();

        await Expect(page.Locator("#dimension-D .level")).ToHaveAttributeAsync("data-present", "Mature");
        var maturity = await _site.GetAsync($"/api/organisations/{Walsall}/maturity");
        var d = maturity.GetProperty("dimensions").EnumerateArray().Single(x => x.GetProperty("code").GetString() == "D");
        Assert.Equal("Mature", d.GetProperty("present").GetString());
        var done = d.GetProperty("history").EnumerateArray().Last();
        Assert.Equal(("Advance", "Follower", "Mature"), (done.GetProperty("trigger").GetString(), done.GetProperty("from").GetString(), done.GetProperty("to").GetString()));

        var plan = await page.Context.APIRequest.GetAsync($"/organisations/{Walsall}/action-plan");
        Assert.Equal(200, plan.Status);
        Assert.Contains("Action Plan", await plan.TextAsync());
        _site.AssertNoRequestLeftTheService();
    }

    [Fact]
    public async Task The_dashboard_fits_a_phone_at_375_pixels()
    {
        await AssessWalsallAsync();
        var page = await _site.SignInAsync(await _site.KeyAsync("Officer", Walsall), width: 375, height: 812);

        await Expect(page.Locator("#radar")).ToBeVisibleAsync();
        var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"The dashboard is {overflow} px wider than a 375 px screen.");
        await WebSite.ScreenshotAsync(page, "dashboard-phone");
        await WebSite.ScreenshotAsync(page, "dashboard-phone-first-screen", fullPage: false);
        _site.AssertNoRequestLeftTheService();
    }

    [Fact]
    public async Task Forms_work_without_javascript_and_the_page_is_usable_from_the_keyboard()
    {
        await AssessWalsallAsync();
        var page = await _site.SignInAsync(await _site.KeyAsync("Officer", Walsall), javaScript: false);

        await page.Keyboard.PressAsync("Tab");
        await Expect(page.Locator(":focus")).ToHaveTextAsync("Skip to content");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("main")).ToBeFocusedAsync();
        await page.Locator("#status-c-mature-1").SelectOptionAsync("InProgress");
        await page.Locator("#owner-c-mature-1").FillAsync("Performance team");
        await page.Locator("#owner-c-mature-1").PressAsync("Enter");

        await Expect(page.Locator("#flash")).ToContainTextAsync("Action saved.");
        await Expect(page.Locator("#status-c-mature-1")).ToHaveValueAsync("InProgress");
        await Expect(page.Locator("#owner-c-mature-1")).ToHaveValueAsync("Performance team");
    }

    [Fact]
    public async Task A_viewer_reads_the_dashboard_but_cannot_edit_it()
    {
        await AssessWalsallAsync();
        var page = await _site.SignInAsync(await _site.KeyAsync("Viewer", Walsall));

        await Expect(page.Locator("main")).ToContainTextAsync("read-only");
        await Expect(page.Locator("#action-d-mature-1")).ToBeVisibleAsync();
        Assert.Equal(0, await page.Locator("main form, main select, main input").CountAsync());
        await Expect(page.Locator("#advance-D button[data-trigger=Advance]")).ToBeDisabledAsync();

        // A forged post with a valid antiforgery token is still refused: the pages apply the API's organisation scope.
        var token = await page.Locator("input[name=__af]").First.GetAttributeAsync("value");
        var forged = await page.Context.APIRequest.PostAsync($"/organisations/{Walsall}/actions/d-mature-1",
            new() { Form = FormOf(page.Context.APIRequest, ("__af", token!), ("status", "Done")), MaxRedirects = 0 });
        Assert.Equal(403, forged.Status);
        var action = (await _site.GetAsync($"/api/organisations/{Walsall}/maturity")).GetProperty("dimensions").EnumerateArray()
            .SelectMany(x => x.GetProperty("actions").EnumerateArray()).Single(a => a.GetProperty("id").GetString() == "d-mature-1");
        Assert.Equal("NotStarted", action.GetProperty("status").GetString());
        _site.AssertNoRequestLeftTheService();
    }

    [Fact]
    public async Task The_session_is_an_httponly_strict_cookie_that_the_rest_api_does_not_accept_and_sign_out_or_revoking_the_key_ends_it()
    {
        await _site.PostAsync("/api/organisations", new { id = Walsall, name = "Walsall Council", type = "LocalAuthority", place = "Walsall" });
        var wrong = await _site.NewPageAsync();
        await wrong.GotoAsync("/sign-in");
        await wrong.GetByLabel("API key").FillAsync("sv_nobody_secret");
        await wrong.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(wrong.Locator("#sign-in-error")).ToContainTextAsync("unknown or revoked");

        var page = await _site.SignInAsync(await _site.KeyAsync("Officer", Walsall));
        var session = (await page.Context.CookiesAsync()).Single(c => c.Name == "sv_session");
        Assert.True(session.HttpOnly);
        Assert.Equal(SameSiteAttribute.Strict, session.SameSite);
        var api = await page.Context.APIRequest.GetAsync($"/api/organisations/{Walsall}");
        Assert.Equal(401, api.Status);

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/sign-in"));
        await page.GotoAsync($"/organisations/{Walsall}");
        await Expect(page).ToHaveURLAsync(new Regex("/sign-in\\?ReturnUrl="));

        // Revoking the key ends a session signed in with it.
        var created = await _site.PostAsync("/api/keys", new { name = "short-lived", role = "Officer", organisationId = Walsall });
        var revoked = await _site.SignInAsync(created.GetProperty("key").GetString()!);
        await Expect(revoked.Locator("h1")).ToHaveTextAsync("Walsall Council");
        (await _site.Admin.DeleteAsync($"/api/keys/{created.GetProperty("id").GetString()}")).EnsureSuccessStatusCode();
        await revoked.ReloadAsync();
        await Expect(revoked).ToHaveURLAsync(new Regex("/sign-in\\?ReturnUrl="));
    }

    [Fact]
    public async Task A_visitor_reads_the_register_without_signing_in()
    {
        var champion = await ApplicationUnderReviewAsync("alder-hey-2026");
        var client = _site.Client(champion);
        await client.PostAsJsonAsync("/api/kitemark/applications/alder-hey-2026/transitions", new { trigger = "StartReview" }).AssertJsonAsync(HttpStatusCode.OK);
        foreach (var evidence in (await _site.GetAsync("/api/kitemark/applications/alder-hey-2026")).GetProperty("evidence").EnumerateArray())
        {
            await client.PutAsJsonAsync($"/api/kitemark/applications/alder-hey-2026/evidence/{evidence.GetProperty("id").GetString()}/review",
                new { accepted = true, comment = "Good" }).AssertJsonAsync(HttpStatusCode.OK);
        }
        await client.PostAsJsonAsync("/api/kitemark/applications/alder-hey-2026/transitions", new { trigger = "Award" }).AssertJsonAsync(HttpStatusCode.OK);

        var page = await _site.NewPageAsync();
        await page.GotoAsync("/register");

        var row = page.Locator("#register tbody tr");
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row).ToContainTextAsync("Alder Hey Children's NHS Foundation Trust");
        await Expect(row).ToContainTextAsync(DateTime.UtcNow.AddYears(5).ToString("yyyy", System.Globalization.CultureInfo.InvariantCulture));
        await WebSite.ScreenshotAsync(page, "register");
        await Contrast.AssertAtLeast4_5Async(page);
        _site.AssertNoRequestLeftTheService();
    }

    [Fact]
    public async Task An_administrator_breaks_a_formula_sees_the_diagnostic_at_its_line_fixes_it_and_publishes()
    {
        await new Commissioning(_site.Admin).SetUpAsync();
        var page = await _site.SignInAsync(TestSilo.AdminKey);

        await page.GetByRole(AriaRole.Link, new() { Name = "Formulas" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Walsall social value" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "new-jobs", Exact = true }).ClickAsync();
        var source = page.GetByLabel("Source");
        await Expect(source).ToHaveValueAsync("Quantity * Proxy(\"JOB\")");

        await source.FillAsync("var jobs = Quantity;\nreturn jobs * Proxy(\"JOB\") * Uplift;");
        await page.GetByRole(AriaRole.Button, new() { Name = "Check" }).ClickAsync();
        var diagnostic = page.Locator(".diagnostics li").First;
        await Expect(diagnostic).ToHaveAttributeAsync("data-line", "2");
        await Expect(diagnostic).ToHaveAttributeAsync("data-column", "30");
        await Expect(diagnostic).ToContainTextAsync("Uplift");
        await Expect(page.Locator(".gutter li.error")).ToHaveTextAsync("2");
        await WebSite.ScreenshotAsync(page, "formula-editor-diagnostic");
        await Contrast.AssertAtLeast4_5Async(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();
        await Expect(page.Locator("#editor-message")).ToContainTextAsync("Not published");

        await source.FillAsync("var jobs = Quantity;\nreturn jobs * Proxy(\"JOB\") * 2;");
        await page.GetByRole(AriaRole.Button, new() { Name = "Check" }).ClickAsync();
        await Expect(page.Locator("#editor-message")).ToContainTextAsync("No problems found");
        await page.GetByLabel("Quantity").FillAsync("3");
        await page.GetByRole(AriaRole.Button, new() { Name = "Try" }).ClickAsync();
        await Expect(page.Locator("#try-result")).ToContainTextAsync("The draft above gives 6000");
        Assert.Equal(1, (await _site.GetAsync($"/api/frameworks/{Commissioning.Framework}/measures/new-jobs/formula/versions")).GetArrayLength());
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();
        await Expect(page.Locator("#editor-message")).ToContainTextAsync("Published version 2");
        await Expect(page.Locator("#diff-2 .added")).ToHaveCountAsync(2);
        await Expect(page.Locator("#diff-2 .removed")).ToHaveTextAsync("- Quantity * Proxy(\"JOB\")");

        await page.GetByLabel("Quantity").FillAsync("3");
        await page.GetByLabel("What to try").SelectOptionAsync("1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Try" }).ClickAsync();
        await Expect(page.Locator("#try-result")).ToContainTextAsync("Version 1 gives 3000");
        await WebSite.ScreenshotAsync(page, "formula-editor");

        await page.GotoAsync($"/frameworks/{Commissioning.Framework}");
        await page.GetByLabel("Code").FillAsync("JOB");
        await page.Locator("#proxy-value").FillAsync("2000");
        await page.GetByLabel("Effective from").FillAsync("2031-04-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "Set proxy value" }).ClickAsync();
        await Expect(page.Locator("#proxy-values")).ToContainTextAsync("1 Apr 2031");
        var versions = await _site.GetAsync($"/api/frameworks/{Commissioning.Framework}/measures/new-jobs/formula/versions");
        Assert.Equal(2, versions.GetArrayLength());
        _site.AssertNoRequestLeftTheService();
    }

    [Fact]
    public async Task An_officer_sees_the_commissioning_cycle_and_moves_a_contract_on_and_verifies_a_return()
    {
        var commissioning = new Commissioning(_site.Admin);
        await commissioning.SetUpAsync();
        await commissioning.CreateContractAsync("meals");
        await commissioning.FireOkAsync("meals", "AnalyseNeeds");
        await commissioning.FireOkAsync("meals", "Consult");
        await commissioning.FireOkAsync("meals", "Specify");
        await commissioning.ToLiveAsync("care");
        var supplier = _site.Client(await _site.KeyAsync("Supplier", Commissioning.Supplier));
        await _site.PostAsync("/api/contracts/care/returns", new { id = "q1", period = Commissioning.Period(0), lines = new[] { new { measureId = "new-jobs", quantity = 4 } } }, supplier);
        var page = await _site.SignInAsync(await _site.KeyAsync("Officer", Commissioning.Council));

        await page.GotoAsync("/contracts/meals");
        await Expect(page.Locator("#cycle .current")).ToHaveAttributeAsync("data-state", "Specification");
        await Expect(page.Locator("button[data-trigger=PublishTender]")).ToBeDisabledAsync();
        await Expect(page.Locator("#contract-transitions-PublishTender-why")).ToContainTextAsync("outcome");
        await Expect(page.Locator("button[data-trigger=Cancel]")).ToBeEnabledAsync();
        await WebSite.ScreenshotAsync(page, "contract");

        (await _site.Admin.PutAsJsonAsync("/api/contracts/meals/specification", new { outcomeIds = new[] { "local-jobs" }, measureIds = new[] { "new-jobs" } }))
            .EnsureSuccessStatusCode();
        await page.ReloadAsync();
        await page.Locator("button[data-trigger=PublishTender]").ClickAsync();
        await Expect(page.Locator("#contract-state")).ToHaveAttributeAsync("data-state", "Tendering");
        await Expect(page.Locator("#cycle .current")).ToHaveAttributeAsync("data-state", "Tendering");

        await page.GotoAsync("/contracts/care");
        await Expect(page.Locator("#bids tbody tr")).ToHaveCountAsync(1);
        await page.Locator("#return-q1 button[value=true]").ClickAsync();
        await Expect(page.Locator("#return-q1 .badge")).ToHaveTextAsync("Accepted");
        await WebSite.ScreenshotAsync(page, "contract-live");
        await Contrast.AssertAtLeast4_5Async(page);

        await page.GotoAsync($"/organisations/{Commissioning.Council}");
        await Expect(page.Locator("#by-theme")).ToContainTextAsync("Jobs and skills");
        _site.AssertNoRequestLeftTheService();
    }

    private async Task AssessWalsallAsync()
    {
        await _site.PostAsync("/api/organisations", new { id = Walsall, name = "Walsall Council", type = "LocalAuthority", place = "Walsall" });
        (await _site.Admin.PutAsJsonAsync($"/api/organisations/{Walsall}/maturity", MaturityApiTests.WalsallAssessment)).EnsureSuccessStatusCode();
    }

    /// <summary>
    /// Alder Hey applies to Wirral Council with evidence on every theme and must-do, and submits; returns the champion's key.
    /// </summary>
    private async Task<string> ApplicationUnderReviewAsync(string id)
    {
        await _site.PostAsync("/api/organisations", new { id = "wirral-council", name = "Wirral Council", type = "LocalAuthority", place = "Wirral" });
        await _site.PostAsync("/api/organisations", new { id = "alder-hey", name = "Alder Hey Children's NHS Foundation Trust", type = "NhsProvider", place = "Liverpool" });
        var champion = await _site.KeyAsync("Champion", "wirral-council");
        const string schemeId = "cheshire-merseyside";
        var officer = _site.Client(await _site.KeyAsync("Officer", "alder-hey"));
        await _site.PostAsync("/api/kitemark/applications",
            new { id, organisationId = "alder-hey", awardingBodyId = "wirral-council", schemeId, consentToPublish = true }, officer);
        foreach (var criterionId in new[] { "social-4", "economic-2", "environment-6", "innovation-1" })
        {
            await _site.PostAsync($"/api/kitemark/applications/{id}/evidence", new { criterionId, description = $"Our work on {criterionId}" }, officer);
        }
        await officer.PostAsJsonAsync($"/api/kitemark/applications/{id}/transitions", new { trigger = "Submit" }).AssertJsonAsync(HttpStatusCode.OK);
        return champion;
    }

    private static IFormData FormOf(IAPIRequestContext request, params (string Name, string Value)[] fields)
    {
        var form = request.CreateFormData();
        foreach (var (name, value) in fields)
        {
            form.Set(name, value);
        }
        return form;
    }
}
