using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;
using SocialValue.Silo.Tests.Api;
using SocialValue.Silo.Tests.Contracts;
using static Microsoft.Playwright.Assertions;

namespace SocialValue.Silo.Tests.Web;

/// <summary>
/// The dashboard's headline row and the annual report page, read by a Viewer of the council in Chromium: figures of a
/// live contract with known commitments and a verified return (proxy values give the £), an overdue maturity action,
/// the CSV from the page session, and the same refusal for someone of another organisation.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ReportPageTests(BrowserFixture browser) : IAsyncLifetime
{
    private const string Council = Commissioning.Council;
    private const string Contract = "meals";
    private WebSite _site = null!;

    public async Task InitializeAsync() => _site = await WebSite.StartAsync(browser);

    public async Task DisposeAsync() => await _site.DisposeAsync();

    [Fact]
    public async Task A_viewer_sees_the_headline_opens_the_report_and_downloads_its_csv_and_another_organisation_is_refused()
    {
        await SetUpAsync();
        var page = await _site.SignInAsync(await _site.KeyAsync("Viewer", Council));
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
        await Expect(glance.Locator($"#rag-{Contract}")).ToHaveAttributeAsync("data-rag", "Amber");
        await Expect(glance.Locator($"#rag-{Contract}")).ToContainTextAsync("Amber");
        await Expect(glance.Locator($"#rag-{Contract}")).ToContainTextAsync("new-jobs: 4 FTE of 10 FTE");
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

        var stranger = await _site.SignInAsync(await _site.KeyAsync("Viewer", Commissioning.Supplier));
        foreach (var path in new[] { $"/organisations/{Council}", $"/organisations/{Council}/report", $"/organisations/{Council}/report.csv" })
        {
            var refused = await stranger.GotoAsync(path);
            Assert.Equal(403, refused!.Status);
            await Expect(stranger.Locator("main")).ToContainTextAsync($"may not read organisation '{Council}'");
        }
        _site.AssertNoRequestLeftTheService();
    }

    [Fact]
    public async Task The_report_and_the_dashboard_with_its_headline_pass_axe_and_fit_a_phone()
    {
        await SetUpAsync();
        var key = await _site.KeyAsync("Viewer", Council);
        await PageChecks.AssertAccessibleAndFitsAsync(_site, key, $"/organisations/{Council}", "headline");
        await PageChecks.AssertAccessibleAndFitsAsync(_site, key, $"/organisations/{Council}/report", "report");
    }

    /// <summary>A live contract with a verified return, and the council's maturity plan with an action overdue.</summary>
    private async Task SetUpAsync()
    {
        var cycle = new Commissioning(_site.Admin);
        await cycle.SetUpAsync();
        await cycle.ToLiveAsync(Contract);
        var submitted = await cycle.PostAsync($"/api/contracts/{Contract}/returns", new
        {
            period = Commissioning.Period(0),
            lines = new[] { new { measureId = "new-jobs", quantity = 4m }, new { measureId = "carbon-saved", quantity = 50m } },
        });
        (await _site.Admin.PutAsJsonAsync($"/api/contracts/{Contract}/returns/{submitted.GetProperty("id").GetString()}/verification",
            new { accepted = true, comment = "Checked" })).EnsureSuccessStatusCode();
        (await _site.Admin.PutAsJsonAsync($"/api/organisations/{Council}/maturity", MaturityApiTests.WalsallAssessment)).EnsureSuccessStatusCode();
        (await _site.Admin.PatchAsJsonAsync($"/api/organisations/{Council}/maturity/actions/d-mature-1", new { dueDate = "2020-01-31" }))
            .EnsureSuccessStatusCode();
    }
}
