using System.Globalization;
using Microsoft.Playwright;
using SocialValue.Silo.Tests.Contracts;
using static Microsoft.Playwright.Assertions;

namespace SocialValue.Silo.Tests.Web;

/// <summary>
/// The Viewer's journey: the dashboard's headline row and the annual report page, read by a Viewer of the council in
/// Chromium: figures of a live contract with known commitments and a verified return (proxy values give the £), an overdue
/// maturity action, the CSV from the page session, and the same refusal for someone of another organisation. It starts
/// from the bootstrap key (PageSetUp); the officer and the supplier make the figures on their own pages.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ReportPageTests(BrowserFixture browser) : IAsyncLifetime
{
    private const string Council = Commissioning.Council;
    private WebSite _site = null!;

    public async Task InitializeAsync() => _site = await WebSite.StartAsync(browser);

    public async Task DisposeAsync() => await _site.DisposeAsync();

    [Fact]
    public async Task A_viewer_sees_the_headline_opens_the_report_and_downloads_its_csv_and_another_organisation_is_refused()
    {
        var keys = await new PageSetUp(_site).CommissioningAsync(
            ("Officer", Council), ("Supplier", Commissioning.Supplier), ("Viewer", Council), ("Viewer", Commissioning.Supplier));
        var contract = await SetUpAsync(await _site.SignInAsync(keys[0]), await _site.SignInAsync(keys[1]));
        var page = await _site.SignInAsync(keys[2]);
        await page.GotoAsync($"/organisations/{Council}");

        // Committed at the award: 10 FTE × £1,000 + 50 tCO2e × £80; delivered by the verified return: 4 × £1,000 + 50 × £80.
        var glance = page.Locator("#glance");
        await Expect(glance.Locator("#glance-value")).ToContainTextAsync("£8,000 delivered of £14,000 committed (gross)");
        await Expect(glance.Locator("#glance-value")).ToContainTextAsync("net");
        await Expect(glance.Locator("#glance-units")).ToContainTextAsync("4 FTE of 10 FTE");
        await Expect(glance.Locator("#glance-units")).ToContainTextAsync("50 tCO2e of 50 tCO2e");
        await Expect(glance.Locator("#glance-delivered")).ToContainTextAsync("50% (1 of 2 measures met their target)");
        await Expect(glance.Locator("#glance-actions")).ToContainTextAsync("Overdue: 1");
        await Expect(glance.Locator("#glance-kitemark")).ToContainTextAsync("Not held");
        // Short of a commitment while live, and no return overdue: amber, said in words beside the colour.
        await Expect(glance.Locator($"#rag-{contract}")).ToHaveAttributeAsync("data-rag", "Amber");
        await Expect(glance.Locator($"#rag-{contract}")).ToContainTextAsync("Amber");
        await Expect(glance.Locator($"#rag-{contract}")).ToContainTextAsync("new-jobs: 4 FTE of 10 FTE");
        await Expect(glance.Locator(".rag-rule")).ToContainTextAsync("Red: a return is overdue");
        await WebSite.ScreenshotAsync(page, "headline-viewer");

        await page.Locator("#report-link").ClickAsync();
        await page.WaitForURLAsync($"**/organisations/{Council}/report");
        var year = DateTime.UtcNow.Year;
        await Expect(page.Locator("h1")).ToHaveTextAsync($"Social value report {year}");
        await Expect(page.Locator("#report-themes")).ToBeVisibleAsync();
        await Expect(page.Locator("#report-themes")).ToContainTextAsync("Jobs and skills: £10,000 committed, £4,000 delivered");
        await Expect(page.Locator("#report-years")).ToBeVisibleAsync();
        await Expect(page.Locator("#report-radar")).ToBeVisibleAsync();
        await Expect(page.Locator("#report-units")).ToContainTextAsync("4 FTE");
        await Expect(page.Locator("#report-kitemark")).ToContainTextAsync("Not a current holder");
        await WebSite.ScreenshotAsync(page, "report-viewer");

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#report-csv").ClickAsync());
        var rows = (await File.ReadAllLinesAsync((await download.PathAsync())!)).ToList();
        Assert.Equal("Section,Framework,Id,Name,Unit,Committed units,Delivered units,Committed £,Delivered £,Measures without £,"
            + "Committed £ net,Delivered £ net,Present level,Target level,Awarded on,Valid until", rows[0]);
        var total = rows.Single(r => r.StartsWith("Total,", StringComparison.Ordinal)).Split(',');
        Assert.Equal((14_000m, 8_000m), (decimal.Parse(total[7], CultureInfo.InvariantCulture), decimal.Parse(total[8], CultureInfo.InvariantCulture)));

        var stranger = await _site.SignInAsync(keys[3]);
        foreach (var path in new[] { $"/organisations/{Council}", $"/organisations/{Council}/report", $"/organisations/{Council}/report.csv" })
        {
            var refused = await stranger.GotoAsync(path);
            Assert.Equal(403, refused!.Status);
            await Expect(stranger.Locator("main")).ToContainTextAsync($"may not read organisation '{Council}'");
        }

        await PageChecks.AssertAccessibleAndFitAsync(_site, keys[2], ("headline", $"/organisations/{Council}"), ("report", $"/organisations/{Council}/report"));
        _site.AssertNoRequestLeftTheService();
    }

    /// <summary>
    /// From the officer's and the supplier's pages: a live contract with a verified return, and the council's maturity
    /// assessment with an action overdue. Returns the contract's id.
    /// </summary>
    private static async Task<string> SetUpAsync(IPage officer, IPage supplier)
    {
        var contract = await PageSetUp.LiveContractAsync(officer, "Meals at home");
        await PageSetUp.SubmitReturnAsync(supplier, Commissioning.Supplier, contract, Commissioning.Period(0), "4", "50");
        await PageSetUp.AcceptReturnAsync(officer, contract, "Checked");
        await PageSetUp.AssessAsync(officer, Council,
            ("A", "Mature", "Leader"), ("B", "Mature", "Leader"), ("C", "Follower", "Mature"), ("D", "Follower", "Leader"), ("E", "Mature", "Leader"),
            ("F", "Follower", "Mature"), ("G", "Follower", "Mature"), ("H", "Incomplete/Non Compliant", "Mature"), ("I", "Follower", "Mature"),
            ("J", "Follower", "Leader"));
        await officer.GotoAsync($"/organisations/{Council}");
        await officer.Locator("#due-d-mature-1").FillAsync("2020-01-31");
        await officer.Locator("#action-d-mature-1 button[type=submit]").ClickAsync();
        await Expect(officer.Locator("#flash")).ToContainTextAsync("Action saved.");
        return contract;
    }
}
