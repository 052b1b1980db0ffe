using Microsoft.Playwright;
using SocialValue.Silo.Tests.Contracts;
using static Microsoft.Playwright.Assertions;

namespace SocialValue.Silo.Tests.Web;

/// <summary>
/// Remedies from the pages: the commissioner records a performance review that finds a shortfall and an over-delivery,
/// the supplier proposes a recovery plan, the commissioner accepts it and later escalates it (asked to confirm, with a
/// reason), and each step is in the remedy's history. It starts from the bootstrap key (PageSetUp): the contract is let
/// and its return sent and verified on the officer's and the supplier's pages.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class RemedyJourneyTests(BrowserFixture browser) : IAsyncLifetime
{
    private WebSite _site = null!;

    public async Task InitializeAsync() => _site = await WebSite.StartAsync(browser);

    public async Task DisposeAsync() => await _site.DisposeAsync();

    [Fact]
    public async Task A_shortfall_becomes_a_remedy_worked_by_the_supplier_and_the_commissioner_from_the_pages()
    {
        var keys = await new PageSetUp(_site).CommissioningAsync(("Officer", Commissioning.Council), ("Supplier", Commissioning.Supplier));
        var (officerKey, supplierKey) = (keys[0], keys[1]);
        var officer = await _site.SignInAsync(officerKey);
        var care = await PageSetUp.LiveContractAsync(officer, "Care at home");
        var supplier = await _site.SignInAsync(supplierKey);
        await PageSetUp.SubmitReturnAsync(supplier, Commissioning.Supplier, care, Commissioning.Period(0), "2", "60");
        await PageSetUp.AcceptReturnAsync(officer, care, "Checked.");

        await officer.GotoAsync($"/contracts/{care}");
        await officer.GetByRole(AriaRole.Link, new() { Name = "Remedies" }).ClickAsync();
        await officer.Locator("#record-review").ClickAsync();
        await Expect(officer.Locator("#flash")).ToContainTextAsync("1 remedy opened");
        await Expect(officer.Locator("#review-list li")).ToContainTextAsync("shortfall found");
        await Expect(officer.Locator("#extension-flags")).ToContainTextAsync("Over delivery");
        var remedy = officer.Locator("#remedy-remedy-1");
        await Expect(remedy.Locator("[data-state]")).ToHaveAttributeAsync("data-state", "Open");
        await Expect(remedy).ToContainTextAsync("short by 8 FTE");
        await Expect(remedy.Locator("button[data-trigger=ProposePlan]")).ToBeDisabledAsync();

        await supplier.GotoAsync($"/suppliers/{Commissioning.Supplier}/contracts/{care}");
        await Expect(supplier.Locator("#remedies-link")).ToContainTextAsync("(1 open)");
        await supplier.Locator("#remedies-link").ClickAsync();
        var asked = supplier.Locator("#remedy-remedy-1");
        await Expect(asked.Locator("button[data-trigger=Escalate]")).ToBeDisabledAsync();
        await asked.Locator("#plan-remedy-1").FillAsync("Two more recruitment days with the job centre each month.");
        await asked.Locator("#due-remedy-1").FillAsync(DateTime.UtcNow.AddDays(60).ToString("yyyy-MM-dd"));
        await asked.Locator("button[data-trigger=ProposePlan]").ClickAsync();
        await Expect(asked.Locator("[data-state]")).ToHaveAttributeAsync("data-state", "PlanProposed");
        await Expect(asked).ToContainTextAsync("Two more recruitment days");
        await WebSite.ScreenshotAsync(supplier, "remedy-plan-proposed");

        await officer.ReloadAsync();
        await remedy.Locator("button[data-trigger=Accept]").ClickAsync();
        await Expect(remedy.Locator("[data-state]")).ToHaveAttributeAsync("data-state", "Recovering");
        await Expect(officer.Locator("#flash")).ToBeFocusedAsync();

        // Escalation cannot be undone: without the "I understand" box the server refuses it and nothing changes.
        var escalate = remedy.Locator("form:has(button[data-trigger=Escalate])");
        await escalate.Locator("textarea[name=reason]").FillAsync("No new starters in two months.");
        await escalate.EvaluateAsync("form => form.noValidate = true");
        await escalate.Locator("button[data-trigger=Escalate]").ClickAsync();
        await Expect(officer.Locator("#flash")).ToContainTextAsync("tick “I understand”");
        await Expect(remedy.Locator("[data-state]")).ToHaveAttributeAsync("data-state", "Recovering");

        await escalate.Locator("textarea[name=reason]").FillAsync("No new starters in two months.");
        await escalate.Locator("input[type=checkbox]").CheckAsync();
        await escalate.Locator("button[data-trigger=Escalate]").ClickAsync();
        await Expect(remedy.Locator("[data-state]")).ToHaveAttributeAsync("data-state", "Escalated");
        await Expect(remedy.Locator("#remedy-remedy-1-history")).ToContainTextAsync("No new starters in two months.");
        var stored = await _site.GetAsync($"/api/contracts/{care}/remedies/remedy-1");
        Assert.Equal("Escalated", stored.GetProperty("state").GetString());
        await WebSite.ScreenshotAsync(officer, "remedy-escalated");

        await PageChecks.AssertAccessibleAndFitsAsync(_site, officerKey, $"/contracts/{care}/remedies", "remedies");
    }
}
