using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SocialValue.Silo.Tests.Contracts;
using SocialValue.Silo.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace SocialValue.Silo.Tests.Web;

/// <summary>
/// A council officer does the whole commissioning job from the pages in Chromium: the maturity assessment, a contract from
/// its creation through specification, planning, weighting, bids, scoring and award to a verified return.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class OfficerJourneyTests(BrowserFixture browser) : IAsyncLifetime
{
    private const string Council = "walsall-council";
    private const string Supplier = "acme-care";
    private static readonly string[] Dimensions = ["A", "B", "C", "D", "E", "F", "G", "H", "I", "J"];

    private WebSite _site = null!;

    public async Task InitializeAsync() => _site = await WebSite.StartAsync(browser);

    public async Task DisposeAsync() => await _site.DisposeAsync();

    [Fact]
    public async Task An_officer_assesses_then_commissions_a_contract_from_the_pages_to_a_verified_return()
    {
        var setUp = new PageSetUp(_site);
        await setUp.RegisterAsync(PageSetUp.Council, PageSetUp.Supplier);
        var officerKey = await setUp.KeyAsync("Officer", Council);
        var supplierKey = await setUp.KeyAsync("Supplier", Supplier);
        await setUp.SignOutAsync();
        var page = await _site.SignInAsync(officerKey);

        await AssessAsync(page);
        var id = await CreateContractAsync(page);
        await PageSetUp.FireAsync(page, id, "AnalyseNeeds", "NeedsAnalysis");
        await PageSetUp.FireAsync(page, id, "Consult", "Consultation");
        await PageSetUp.FireAsync(page, id, "Specify", "Specification");
        await SpecifyAsync(page, id);
        await PlanAsync(page, id);
        await SetWeightingAsync(page, id);
        await PageSetUp.FireAsync(page, id, "PublishTender", "Tendering");
        var acme = await EnterBidsAsync(page, id);
        await PageSetUp.FireAsync(page, id, "CloseTender", "Evaluation");
        await CompareAndScoreAsync(page, id, acme);

        await page.GotoAsync($"/contracts/{id}");
        await page.Locator("#award-bid").SelectOptionAsync(acme);
        // Award cannot be undone: it asks for a reason and an "I understand" first.
        await page.Locator("#contract-transitions-Award-reason").FillAsync("Highest weighted score");
        await page.Locator("#contract-transitions-Award-confirm").CheckAsync();
        await page.Locator("button[data-trigger=Award]").ClickAsync();
        await Expect(page.Locator("#contract-state")).ToHaveAttributeAsync("data-state", "Awarded");
        await PageSetUp.FireAsync(page, id, "GoLive", "Live");

        var supplier = await _site.SignInAsync(supplierKey);
        var returnId = await PageSetUp.SubmitReturnAsync(supplier, Supplier, id, Commissioning.Period(0), "4", "1000");
        await VerifyReturnAsync(page, id, returnId);
        await PageChecks.AssertAccessibleAndFitAsync(_site, officerKey,
            ("officer-dashboard", $"/organisations/{Council}"), ("officer-assessment", $"/organisations/{Council}/assessment"),
            ("officer-new-contract", $"/organisations/{Council}/contracts/new"), ("officer-contract", $"/contracts/{id}"),
            ("officer-specification", $"/contracts/{id}/specification"), ("officer-planning", $"/contracts/{id}/planning"),
            ("officer-tender", $"/contracts/{id}/tender"), ("officer-bid-new", $"/contracts/{id}/bids/new"),
            ("officer-bids", $"/contracts/{id}/bids"), ("officer-returns", $"/contracts/{id}/returns"),
            ("officer-remedies", $"/contracts/{id}/remedies"), ("officer-report", $"/organisations/{Council}/report"),
            ("officer-action-plan", $"/organisations/{Council}/action-plan"), ("officer-organisations", "/organisations"),
            ("officer-register", "/register"));
        _site.AssertNoRequestLeftTheService();
    }

    [Fact]
    public async Task A_form_posted_with_a_stale_version_is_refused_with_412_and_changes_nothing()
    {
        await _site.PostAsync("/api/organisations", new { id = Council, name = "Walsall Council", type = "LocalAuthority", place = "Walsall" });
        (await _site.Admin.PutAsJsonAsync($"/api/organisations/{Council}/maturity", Assessment("Follower", "Mature"))).EnsureSuccessStatusCode();
        var page = await _site.SignInAsync(await _site.KeyAsync("Officer", Council));
        await page.GotoAsync($"/organisations/{Council}/assessment");

        // Someone else revises the assessment after the page was shown.
        (await _site.Admin.PutAsJsonAsync($"/api/organisations/{Council}/maturity", Assessment("Mature", "Leader"))).EnsureSuccessStatusCode();
        await page.Locator("#present-A").SelectOptionAsync("Innovator");
        await page.Locator("#target-A").SelectOptionAsync("Innovator");
        var refused = await page.RunAndWaitForResponseAsync(() => page.Locator("#save-assessment").ClickAsync(),
            r => r.Request.Method == "POST" && r.Url.EndsWith("/assessment", StringComparison.Ordinal));

        Assert.Equal(412, refused.Status);
        await Expect(page.Locator("#problem-assessment")).ToContainTextAsync("changed by someone else");
        var a = (await _site.GetAsync($"/api/organisations/{Council}/maturity")).GetProperty("dimensions").EnumerateArray()
            .Single(d => d.GetProperty("code").GetString() == "A");
        Assert.Equal(("Mature", "Leader"), (a.GetProperty("present").GetString(), a.GetProperty("target").GetString()));
    }

    private async Task AssessAsync(IPage page)
    {
        await page.GotoAsync($"/organisations/{Council}/assessment");
        await Expect(page.Locator("#overall")).ToContainTextAsync("has not been assessed");
        foreach (var code in Dimensions)
        {
            await page.Locator($"#present-{code}").SelectOptionAsync("Follower");
            await page.Locator($"#target-{code}").SelectOptionAsync("Mature");
        }
        // A target below the present level is refused, with the error beside that dimension's target.
        await page.Locator("#present-D").SelectOptionAsync("Leader");
        await page.Locator("#save-assessment").ClickAsync();
        await Expect(page.Locator("#target-D-problem")).ToContainTextAsync("below its present level");
        await Expect(page.Locator("#present-D")).ToHaveValueAsync("Leader");
        await WebSite.ScreenshotAsync(page, "officer-assessment-error");

        await page.Locator("#present-D").SelectOptionAsync("Follower");
        await page.Locator("#save-assessment").ClickAsync();
        await Expect(page.Locator("#flash")).ToContainTextAsync("Assessment saved");
        await Expect(page.Locator("#overall")).ToContainTextAsync("present Follower, target Mature");

        await page.Locator("#level-D").SelectOptionAsync("Mature");
        await page.Locator("#reason-D").FillAsync("The commissioning strategy now sets social value outcomes for every contract");
        await page.Locator("button[data-reassess=D]").ClickAsync();
        await Expect(page.Locator("#dimension-D .level")).ToHaveAttributeAsync("data-present", "Mature");
        await Expect(page.Locator("#dimension-D .history")).ToContainTextAsync("commissioning strategy");
        await WebSite.ScreenshotAsync(page, "officer-assessment");
        await Contrast.AssertAtLeast4_5Async(page);
    }

    private async Task<string> CreateContractAsync(IPage page)
    {
        await page.GotoAsync($"/organisations/{Council}/contracts/new");
        await page.GetByLabel("Title").FillAsync("Meals at home");
        await page.GetByLabel("Contract value (£)").FillAsync("£250,000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Initiate contract" }).ClickAsync();
        // Walsall has adopted no framework, so one must be chosen.
        await Expect(page.Locator("#framework-problem")).ToBeVisibleAsync();
        await page.GetByLabel("Themes, outcomes and measures framework").SelectOptionAsync("walsall");
        await page.GetByRole(AriaRole.Button, new() { Name = "Initiate contract" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(ContractUrl());
        var id = ContractUrl().Match(page.Url).Groups[1].Value;
        var contract = await _site.GetAsync($"/api/contracts/{id}");
        Assert.Equal((250_000m, "walsall"), (contract.GetProperty("value").GetDecimal(), contract.GetProperty("frameworkId").GetString()));
        return id;
    }

    private async Task SpecifyAsync(IPage page, string id)
    {
        await page.GotoAsync($"/contracts/{id}/specification");
        await Expect(page.Locator("#outcome-internal-focus-o2 .reading-note")).ToContainTextAsync("gives this outcome no measure");
        await page.Locator("#o-economic-growth-o1").CheckAsync();
        await page.Locator("#m-economic-growth-m2").CheckAsync();
        await page.Locator("#m-economic-growth-m3").CheckAsync();
        await page.Locator("#o-communities-o1").CheckAsync();
        await page.Locator("#kind-communities-o1-term").CheckAsync();
        await page.Locator("#m-communities-m6").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save specification" }).ClickAsync();
        await Expect(page.Locator("#flash")).ToContainTextAsync("1 of them contract terms");
        await Expect(page.Locator("#kind-communities-o1-term")).ToBeCheckedAsync();
        await WebSite.ScreenshotAsync(page, "officer-specification");

        var specification = (await _site.GetAsync($"/api/contracts/{id}")).GetProperty("specification");
        Assert.Equal(["economic-growth-o1", "communities-o1"], Strings(specification.GetProperty("outcomeIds")));
        Assert.Equal(["economic-growth-m2", "economic-growth-m3", "communities-m6"], Strings(specification.GetProperty("measureIds")));
        Assert.Equal(["communities-o1"], Strings(specification.GetProperty("contractTermOutcomeIds")));
    }

    private async Task PlanAsync(IPage page, string id)
    {
        await page.GotoAsync($"/contracts/{id}/planning");
        await page.GetByLabel("Planned service start").FillAsync(DateIn(months: 3));
        await page.GetByRole(AriaRole.Button, new() { Name = "Save planning" }).ClickAsync();
        await Expect(page.Locator("#lead-time-warning")).ToContainTextAsync("six months");
        await WebSite.ScreenshotAsync(page, "officer-planning-warning");

        await page.GetByLabel("Planned service start").FillAsync(DateIn(months: 9));
        await page.Locator("#break-true").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save planning" }).ClickAsync();
        await Expect(page.Locator("#flash")).ToContainTextAsync("Planning saved");
        await Expect(page.Locator("#lead-time-warning")).ToHaveCountAsync(0);

        await page.Locator("#status-1").SelectOptionAsync("Done");
        await page.Locator("#owner-1").FillAsync("Head of Commissioning");
        await page.Locator("#date-1").FillAsync(DateIn(months: 0));
        await page.GetByRole(AriaRole.Button, new() { Name = "Save step 1", Exact = true }).ClickAsync();
        await Expect(page.Locator("#step-1")).ToHaveAttributeAsync("data-status", "Done");
        await Expect(page.Locator("#owner-1")).ToHaveValueAsync("Head of Commissioning");

        var planning = (await _site.GetAsync($"/api/contracts/{id}")).GetProperty("planning");
        Assert.True(planning.GetProperty("breakClauseCoversSocialValue").GetBoolean());
        Assert.False(planning.GetProperty("leadTimeShort").GetBoolean());
        Assert.Equal("Done", planning.GetProperty("steps")[0].GetProperty("status").GetString());
    }

    private async Task SetWeightingAsync(IPage page, string id)
    {
        await page.GotoAsync($"/contracts/{id}/tender");
        await Expect(page.Locator("#weighting")).ToContainTextAsync("30% (the default for a local authority)");
        var weighting = page.GetByLabel("Social value weighting (%)");
        await weighting.FillAsync("80%");
        await page.GetByRole(AriaRole.Button, new() { Name = "Set weighting" }).ClickAsync();
        await Expect(page.Locator("#weighting-problem")).ToContainTextAsync("between 0.05 and 0.5");
        await weighting.FillAsync("35%");
        await page.GetByRole(AriaRole.Button, new() { Name = "Set weighting" }).ClickAsync();
        await Expect(page.Locator("#weighting")).ToContainTextAsync("35%");
        Assert.Equal(0.35m, (await _site.GetAsync($"/api/contracts/{id}")).GetProperty("tender").GetProperty("socialValueWeighting").GetDecimal());
    }

    /// <summary>One bid by form (Acme's, linked to its organisation), then a CSV with a bad row, then a good one; returns Acme's bid id.</summary>
    private async Task<string> EnterBidsAsync(IPage page, string id)
    {
        await page.GotoAsync($"/contracts/{id}/bids/new");
        await page.GetByLabel("Supplier", new() { Exact = true }).FillAsync("Acme Care Ltd");
        await page.GetByLabel("Supplier's organisation, if registered").SelectOptionAsync(Supplier);
        await page.GetByLabel("Price (£)").FillAsync("£240,000");
        await page.Locator("#target-economic-growth-m2").FillAsync("12");
        await page.Locator("#target-communities-m6").FillAsync("£5,000");
        await page.GetByLabel("How the supplier will deliver the outcomes").FillAsync("We recruit our kitchen staff from Walsall's job centres.");
        await page.GetByLabel("How delivery will be measured and verified").FillAsync("Quarterly payroll extracts, checked by the council.");
        await WebSite.ScreenshotAsync(page, "officer-bid-entry");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enter bid" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/contracts/{id}/bids$"));
        await Expect(page.Locator("#flash")).ToContainTextAsync("Bid from Acme Care Ltd entered");

        const string header = "bidId,supplier,price,measureId,target,delivery,measurement\n";
        await page.GotoAsync($"/contracts/{id}/bids/new");
        await UploadAsync(page, "bad-bids.csv", header
            + "bright-meals,Bright Meals CIC,230000,economic-growth-m2,8,We hire locally,Monthly payroll data\n"
            + "bright-meals,Bright Meals CIC,230000,communities-m6,lots,We hire locally,Monthly payroll data\n");
        await Expect(page.Locator("#csv-row-3 .row-problem")).ToContainTextAsync("target 'lots' is not a number");
        await Expect(page.Locator("#csv-row-2 .row-problem")).ToBeEmptyAsync();
        await WebSite.ScreenshotAsync(page, "officer-bid-csv-error");
        Assert.Equal(1, (await _site.GetAsync($"/api/contracts/{id}/bids")).GetArrayLength());

        await UploadAsync(page, "bids.csv", header
            + "bright-meals,Bright Meals CIC,230000,economic-growth-m2,8,We hire locally,Monthly payroll data\n"
            + "bright-meals,Bright Meals CIC,230000,communities-m6,2500,We hire locally,Monthly payroll data\n"
            + "green-kitchen,Green Kitchen Ltd,210000,economic-growth-m3,3,Placements with the probation service,Placement records\n");
        await Expect(page.Locator("#flash")).ToContainTextAsync("2 bid(s) imported");

        var bids = await _site.GetAsync($"/api/contracts/{id}/bids");
        Assert.Equal(3, bids.GetArrayLength());
        return bids.EnumerateArray().Select(b => b.GetProperty("bid")).Single(b => b.GetProperty("supplier").GetString() == "Acme Care Ltd")
            .GetProperty("id").GetString()!;
    }

    private static async Task UploadAsync(IPage page, string name, string csv)
    {
        await page.GetByLabel("CSV file of bids").SetInputFilesAsync(new FilePayload { Name = name, MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload bids" }).ClickAsync();
    }

    private static async Task CompareAndScoreAsync(IPage page, string id, string acme)
    {
        await page.GotoAsync($"/contracts/{id}/bids");
        var comparison = page.Locator("#comparison");
        await Expect(comparison.Locator("thead th[data-bid]")).ToHaveCountAsync(3);
        await Expect(comparison.Locator("tr[data-measure=economic-growth-m2]")).ToContainTextAsync("12");
        await Expect(comparison.Locator("tr[data-measure=communities-m6]")).ToContainTextAsync("£5,000");
        await Expect(page.Locator($"#answers-{acme}")).ToContainTextAsync("Walsall's job centres");

        foreach (var (bid, delivery, measurement) in new[] { (acme, "5", "4.5"), ("bright-meals", "3", "3"), ("green-kitchen", "2", "2") })
        {
            await page.Locator($"#delivery-{bid}").FillAsync(delivery);
            await page.Locator($"#measurement-{bid}").FillAsync(measurement);
            await page.Locator($"#answers-{bid} button[type=submit]").ClickAsync();
            await Expect(page.Locator($"#answers-{bid} .scored")).ToContainTextAsync($"delivery {delivery} of 5");
        }
        await WebSite.ScreenshotAsync(page, "officer-bids-compared");
        await Contrast.AssertAtLeast4_5Async(page);
    }

    private async Task VerifyReturnAsync(IPage page, string id, string returnId)
    {
        await page.GotoAsync($"/contracts/{id}/returns");
        var submitted = page.Locator($"#return-{returnId}");
        await Expect(submitted.Locator("tr[data-measure=economic-growth-m2]")).ToContainTextAsync("4");
        await Expect(submitted.Locator("tr[data-measure=economic-growth-m2] .unvalued")).ToBeVisibleAsync();

        // Rejecting needs a comment: the refusal shows beside this return, and nothing changes.
        await submitted.Locator("button[value=false]").ClickAsync();
        await Expect(page.Locator($"#return-{returnId} #comment-{returnId}-problem")).ToContainTextAsync("A rejection needs a comment");
        await WebSite.ScreenshotAsync(page, "officer-return-error");

        await page.Locator($"#return-{returnId} button[value=true]").ClickAsync();
        await Expect(page.Locator($"#return-{returnId} .badge")).ToHaveTextAsync("Accepted");
        await WebSite.ScreenshotAsync(page, "officer-returns");
        var verified = (await _site.GetAsync($"/api/contracts/{id}/returns/{returnId}")).GetProperty("status").GetString();
        Assert.Equal("Accepted", verified);
    }

    private static object Assessment(string present, string target) =>
        new { dimensions = Dimensions.Select(code => new { code, present, target }).ToArray() };

    private static string DateIn(int months) =>
        DateTime.UtcNow.AddMonths(months).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static string[] Strings(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!)];

    [GeneratedRegex("/contracts/([a-z0-9-]+)$")]
    private static partial Regex ContractUrl();
}
