using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SocialValue.Silo.Tests.Contracts;
using static Microsoft.Playwright.Assertions;

namespace SocialValue.Silo.Tests.Web;

/// <summary>
/// A measure whose formula reads a named input (mentoring sessions valued by the hours they took) asks for it on the
/// pages: beside the quantity of the supplier's return, and beside the target of a bid entered by form. The council,
/// the framework's measure and the contract are set up over REST, as in the supplier's and officer's journeys.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class FormulaInputPageTests(BrowserFixture browser) : IAsyncLifetime
{
    private WebSite _site = null!;
    private Commissioning _cycle = null!;

    public async Task InitializeAsync()
    {
        _site = await WebSite.StartAsync(browser);
        _cycle = new Commissioning(_site.Admin);
        await _cycle.SetUpAsync();
        await Mentoring.AddAsync(_cycle);
    }

    public async Task DisposeAsync() => await _site.DisposeAsync();

    [Fact]
    public async Task A_supplier_gives_the_input_a_formula_reads_beside_the_quantity_and_sees_the_pounds_computed_from_it()
    {
        await Mentoring.ToLiveAsync(_cycle, "care");
        var period = Commissioning.Period(0);
        var page = await _site.SignInAsync(await _site.KeyAsync("Supplier", Commissioning.Supplier));
        await page.GotoAsync($"/suppliers/{Commissioning.Supplier}/contracts/care");

        var line = page.Locator($"#line-{period}-1");
        await Expect(line.Locator("legend")).ToContainTextAsync("Mentoring sessions for young people");
        var hours = line.GetByLabel("Hours (read by the measure's formula)", new() { Exact = true });
        await Expect(page.Locator($"#line-{period}-0 input[name*='inputs']")).ToHaveCountAsync(0);
        await page.Locator($"#quantity-{period}-0").FillAsync("3");
        await page.Locator($"#quantity-{period}-1").FillAsync("4");
        await hours.FillAsync("two and a half");
        var refused = await page.RunAndWaitForResponseAsync(() => page.Locator($"#due-{period} button[type=submit]").ClickAsync(), r => r.Request.Method == "POST");
        Assert.Equal(422, refused.Status);
        await Expect(line.Locator($"#input-{period}-1-0-error")).ToHaveTextAsync("'two and a half' is not a number; write this input in figures, e.g. 4 or 2.5.");
        await Expect(hours).ToHaveAttributeAsync("aria-invalid", "true");
        await WebSite.ScreenshotAsync(page, "formula-input-return-refused");
        Assert.Equal(0, (await _site.GetAsync("/api/contracts/care/returns")).GetArrayLength());

        await hours.FillAsync("2.5");
        await page.Locator($"#due-{period} button[type=submit]").ClickAsync();
        await Expect(page.Locator("#flash")).ToContainTextAsync($"Return for {period} submitted");
        var sent = page.Locator("article.return li").Filter(new() { HasText = "Mentoring sessions for young people" });
        await Expect(sent).ToContainTextAsync("4 sessions · Hours 2.5 · counted as 4 sessions, valued at £200");
        await WebSite.ScreenshotAsync(page, "formula-input-return-sent");
        await Contrast.AssertAtLeast4_5Async(page);
    }

    [Fact]
    public async Task An_officer_gives_the_input_a_commitment_formula_reads_after_the_refusal_beside_its_target()
    {
        await Mentoring.ToTenderingAsync(_cycle, "tender");
        var page = await _site.SignInAsync(await _site.KeyAsync("Officer", Commissioning.Council));
        await page.GotoAsync("/contracts/tender/bids/new");
        await Expect(page.Locator("#csv-inputs")).ToContainTextAsync("mentoring reads input:hours");

        await page.GetByLabel("Supplier", new() { Exact = true }).FillAsync("Bright Futures CIC");
        await page.GetByLabel("Price (£)").FillAsync("£120,000");
        await page.Locator($"#target-{Mentoring.Measure}").FillAsync("10");
        await page.GetByLabel("How the supplier will deliver the outcomes").FillAsync("Mentors from local employers.");
        await page.GetByLabel("How delivery will be measured and verified").FillAsync("Signed session registers.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enter bid" }).ClickAsync();
        await Expect(page.Locator($"#target-{Mentoring.Measure}-problem")).ToContainTextAsync("the formula needs the input 'hours', which was not supplied");
        Assert.Equal(0, (await _site.GetAsync("/api/contracts/tender/bids")).GetArrayLength());
        await WebSite.ScreenshotAsync(page, "formula-input-bid-refused");

        await page.GetByLabel("Hours (read by the formula of “Mentoring sessions for young people” to value the target)", new() { Exact = true }).FillAsync("1.5");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enter bid" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/contracts/tender/bids$"));
        var bid = (await _site.GetAsync("/api/contracts/tender/bids"))[0].GetProperty("bid");
        Assert.Equal(1.5m, bid.GetProperty("commitments")[0].GetProperty("inputs").GetProperty("hours").GetDecimal());
    }
}
