using SocialValue.Silo.Tests.Contracts;
using static Microsoft.Playwright.Assertions;

namespace SocialValue.Silo.Tests.Web;

/// <summary>A supplier's pages name the council that commissioned each contract it won, never the council's slug.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SupplierNamesTests(BrowserFixture browser) : IAsyncLifetime
{
    private WebSite _site = null!;

    public async Task InitializeAsync() => _site = await WebSite.StartAsync(browser);

    public async Task DisposeAsync() => await _site.DisposeAsync();

    [Fact]
    public async Task The_supplier_home_and_its_contract_page_name_the_commissioner()
    {
        var cycle = new Commissioning(_site.Admin);
        await cycle.SetUpAsync();
        await cycle.ToLiveAsync("meals");
        var page = await _site.SignInAsync(await _site.KeyAsync("Supplier", Commissioning.Supplier));

        await page.GotoAsync($"/suppliers/{Commissioning.Supplier}");
        await Expect(page.Locator("#contract-meals")).ToContainTextAsync("Commissioned by Walsall Council");
        await Expect(page.Locator("main")).Not.ToContainTextAsync(Commissioning.Council);

        await page.Locator("#contract-meals a").ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Contract meals");
        await Expect(page.Locator("main")).ToContainTextAsync("Commissioned by Walsall Council");
        await Expect(page.Locator("main")).Not.ToContainTextAsync(Commissioning.Council);
        _site.AssertNoRequestLeftTheService();
    }
}
