using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SocialValue.Silo.Tests.Contracts;
using static Microsoft.Playwright.Assertions;

namespace SocialValue.Silo.Tests.Web;

/// <summary>
/// A supplier's whole job from the pages: the contracts it won with the returns due, a return refused beside its field
/// and then sent, and the commissioner's verdict. The journey starts from the bootstrap key (PageSetUp): the administrator,
/// the officer who lets the contract and verifies the return all act on their pages. The narrower checks set up over REST.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SupplierJourneyTests(BrowserFixture browser) : IAsyncLifetime
{
    private WebSite _site = null!;

    public async Task InitializeAsync() => _site = await WebSite.StartAsync(browser);

    public async Task DisposeAsync() => await _site.DisposeAsync();

    [Fact]
    public async Task A_supplier_sees_the_contract_it_won_sends_the_due_return_after_a_refusal_and_sees_it_accepted()
    {
        var keys = await new PageSetUp(_site).CommissioningAsync(("Officer", Commissioning.Council), ("Supplier", Commissioning.Supplier));
        var officer = await _site.SignInAsync(keys[0]);
        var care = await PageSetUp.LiveContractAsync(officer, "Care at home");
        var period = Commissioning.Period(0);
        var page = await _site.SignInAsync(keys[1]);

        await page.GotoAsync($"/suppliers/{Commissioning.Supplier}");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Contracts won by Acme Care Ltd");
        var won = page.Locator($"#contract-{care}");
        await Expect(won).ToContainTextAsync("Care at home");
        await Expect(won.Locator($"li[data-period='{period}']")).ToHaveAttributeAsync("data-overdue", "False");
        await Expect(page.Locator("#returns-summary")).ToContainTextAsync("1 return due");
        await WebSite.ScreenshotAsync(page, "supplier-home");

        await won.GetByRole(AriaRole.Link, new() { Name = "Care at home" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/suppliers/{Commissioning.Supplier}/contracts/{care}$"));
        await Expect(page.Locator("#commitments")).ToContainTextAsync("10 FTE");
        await Expect(page.Locator("#commitments")).ToContainTextAsync("50 tCO2e");

        await page.Locator($"#quantity-{period}-0").FillAsync("-3");
        await page.Locator($"#quantity-{period}-1").FillAsync("12");
        var refused = await page.RunAndWaitForResponseAsync(() => page.Locator($"#due-{period} button[type=submit]").ClickAsync(), r => r.Request.Method == "POST");
        Assert.Equal(422, refused.Status);
        await Expect(page.Locator($"#quantity-{period}-0-error")).ToHaveTextAsync("A quantity delivered cannot be negative.");
        await Expect(page.Locator($"#quantity-{period}-0")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator($"#quantity-{period}-0")).ToBeFocusedAsync();
        await Expect(page.Locator($"#quantity-{period}-1")).ToHaveValueAsync("12");
        await WebSite.ScreenshotAsync(page, "supplier-return-refused");
        Assert.Equal(0, (await _site.GetAsync($"/api/contracts/{care}/returns")).GetArrayLength());

        await page.Locator($"#quantity-{period}-0").FillAsync("4");
        await page.Locator($"#evidence-{period}-0").FillAsync("https://acme.example/payroll-q1.pdf");
        await page.Locator($"#due-{period} button[type=submit]").ClickAsync();
        await Expect(page.Locator("#flash")).ToContainTextAsync($"Return for {period} submitted");
        var sent = page.Locator("article.return");
        await Expect(sent).ToHaveAttributeAsync("data-status", "Submitted");
        await Expect(sent).ToContainTextAsync("4 FTE");
        await Expect(sent).ToContainTextAsync("12 tCO2e");
        await Expect(page.Locator($"#due-{period}")).ToHaveCountAsync(0);

        var submitted = (await _site.GetAsync($"/api/contracts/{care}/returns"))[0];
        Assert.Equal("https://acme.example/payroll-q1.pdf", submitted.GetProperty("lines")[0].GetProperty("evidence").GetString());
        await PageSetUp.AcceptReturnAsync(officer, care, "Payroll checked against the job centre's referrals.");

        await page.ReloadAsync();
        await Expect(sent).ToHaveAttributeAsync("data-status", "Accepted");
        await Expect(sent.Locator(".verification")).ToContainTextAsync("Payroll checked against the job centre's referrals.");
        await page.GotoAsync($"/suppliers/{Commissioning.Supplier}");
        await Expect(page.Locator($"#contract-{care} .returns-state")).ToHaveTextAsync("No return awaited.");
        await WebSite.ScreenshotAsync(page, "supplier-return-accepted");
        await Contrast.AssertAtLeast4_5Async(page);

        await PageChecks.AssertAccessibleAndFitAsync(_site, keys[1],
            ("supplier-home", $"/suppliers/{Commissioning.Supplier}"), ("supplier-contract", $"/suppliers/{Commissioning.Supplier}/contracts/{care}"),
            ("supplier-remedies", $"/contracts/{care}/remedies"));
        _site.AssertNoRequestLeftTheService();
    }

    [Fact]
    public async Task A_return_form_read_before_the_contract_changed_is_refused_412_and_sends_nothing()
    {
        var commissioning = new Commissioning(_site.Admin);
        await commissioning.SetUpAsync();
        await commissioning.ToLiveAsync("care");
        var period = Commissioning.Period(0);
        var page = await _site.SignInAsync(await _site.KeyAsync("Supplier", Commissioning.Supplier));
        await page.GotoAsync($"/suppliers/{Commissioning.Supplier}/contracts/care");

        (await _site.Admin.PutAsJsonAsync("/api/contracts/care/planning", new { breakClauseCoversSocialValue = true })).EnsureSuccessStatusCode();
        await page.Locator($"#quantity-{period}-0").FillAsync("4");
        await page.Locator($"#quantity-{period}-1").FillAsync("12");
        var stale = await page.RunAndWaitForResponseAsync(() => page.Locator($"#due-{period} button[type=submit]").ClickAsync(), r => r.Request.Method == "POST");

        Assert.Equal(412, stale.Status);
        Assert.Equal(0, (await _site.GetAsync("/api/contracts/care/returns")).GetArrayLength());
    }

    [Fact]
    public async Task Another_organisation_cannot_open_the_supplier_pages()
    {
        var commissioning = new Commissioning(_site.Admin);
        await commissioning.SetUpAsync();
        await commissioning.ToLiveAsync("care");

        var council = await _site.SignInAsync(await _site.KeyAsync("Supplier", Commissioning.Council));
        var forbidden = await council.GotoAsync($"/suppliers/{Commissioning.Supplier}/contracts/care");
        Assert.Equal(403, forbidden!.Status);
        var notWon = await council.GotoAsync($"/suppliers/{Commissioning.Council}/contracts/care");
        Assert.Equal(404, notWon!.Status);
    }
}
