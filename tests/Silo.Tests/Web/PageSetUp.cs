using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SocialValue.Silo.Tests.Contracts;
using SocialValue.Silo.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace SocialValue.Silo.Tests.Web;

/// <summary>
/// What a journey needs before its role starts, done from the pages by whoever would do it: the administrator signs in
/// with the bootstrap key, registers the organisations, issues each role's key (read from the page that shows it once)
/// and signs out; officers and suppliers then build contracts and returns on their own pages.
/// </summary>
public sealed partial class PageSetUp(WebSite site)
{
    /// <summary>The Commissioning framework's organisations: the council and the supplier that wins its contracts.</summary>
    public static readonly Organisation Council = new(Commissioning.Council, "Walsall Council", "LocalAuthority", "Walsall");

    public static readonly Organisation Supplier = new(Commissioning.Supplier, "Acme Care Ltd", "BusinessAndIndustry", "Walsall");

    private IPage? _admin;

    public WebSite Site { get; } = site;

    /// <summary>The administrator's session, signed in at the sign-in page with the bootstrap key.</summary>
    public async Task<IPage> AdminAsync() => _admin ??= await Site.SignInAsync(TestSilo.AdminKey);

    /// <summary>Registers each organisation from /admin under its own id.</summary>
    public async Task RegisterAsync(params Organisation[] organisations)
    {
        var admin = await AdminAsync();
        foreach (var organisation in organisations)
        {
            await admin.GotoAsync("/admin");
            var form = admin.Locator("form.admin-form");
            await form.GetByLabel("Name").FillAsync(organisation.Name);
            await form.GetByLabel("Kind").SelectOptionAsync(organisation.Type);
            await form.GetByLabel("Place").FillAsync(organisation.Place);
            await form.GetByLabel("Id (optional)").FillAsync(organisation.Id);
            await form.GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();
            await Expect(admin.Locator("#flash")).ToContainTextAsync($"{organisation.Name} is registered as '{organisation.Id}'");
        }
    }

    /// <summary>Issues a key from /admin/keys and returns it as the page shows it, once.</summary>
    public async Task<string> KeyAsync(string role, string organisationId)
    {
        var admin = await AdminAsync();
        await admin.GotoAsync("/admin/keys");
        await admin.GetByLabel("Holder's name").FillAsync($"{role} of {organisationId}");
        await admin.GetByLabel("Role").SelectOptionAsync(role);
        await admin.GetByLabel("Organisation", new() { Exact = true }).FillAsync(organisationId);
        await admin.GetByRole(AriaRole.Button, new() { Name = "Issue key" }).ClickAsync();
        var shown = admin.Locator("#new-key-value");
        await Expect(shown).ToBeVisibleAsync();
        return (await shown.InnerTextAsync()).Trim();
    }

    /// <summary>The administrator is done: signs out, so only the roles' own sessions act from here on.</summary>
    public async Task SignOutAsync()
    {
        if (_admin is { } admin)
        {
            await SignOutAsync(admin);
            _admin = null;
        }
    }

    public static async Task SignOutAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/sign-in"));
    }

    /// <summary>
    /// The council and the supplier, the Commissioning framework (a copy of Walsall's with three measures valued by proxy
    /// values: JOB £1,000, APP £250, CO2 £80), and the keys asked for; the administrator signs out.
    /// </summary>
    public async Task<IReadOnlyList<string>> CommissioningAsync(params (string Role, string OrganisationId)[] keys)
    {
        await RegisterAsync(Council, Supplier);
        await FrameworkAsync();
        var issued = new List<string>();
        foreach (var (role, organisationId) in keys)
        {
            issued.Add(await KeyAsync(role, organisationId));
        }
        await SignOutAsync();
        return issued;
    }

    /// <summary>Commissioning's framework: copied from the frameworks page, its proxy values set on the framework's page.</summary>
    public async Task FrameworkAsync()
    {
        var admin = await AdminAsync();
        await admin.GotoAsync("/frameworks");
        await admin.GetByLabel("Copy of").SelectOptionAsync("walsall");
        await admin.GetByLabel("Name").FillAsync("Walsall social value");
        await admin.GetByLabel("Id (optional)").FillAsync(Commissioning.Framework);
        await admin.GetByRole(AriaRole.Button, new() { Name = "Copy" }).ClickAsync();
        await Expect(admin).ToHaveURLAsync(new Regex($"/frameworks/{Commissioning.Framework}$"));

        // Themes, outcomes and measures are added on the framework's page, each form answered beside the section.
        var page = $"/frameworks/{Commissioning.Framework}";
        foreach (var (id, name) in new[] { ("jobs", "Jobs and skills"), ("environment", "Environment") })
        {
            await admin.GotoAsync(page);
            await admin.GetByLabel("Theme name").FillAsync(name);
            await admin.GetByLabel("Theme id (optional)").FillAsync(id);
            await admin.GetByRole(AriaRole.Button, new() { Name = "Add theme" }).ClickAsync();
            await Expect(admin.Locator("#add .flash")).ToContainTextAsync($"Theme {name} added.");
        }
        foreach (var (theme, id, name) in new[] { ("jobs", "local-jobs", "More local people in work"), ("environment", "less-carbon", "Less carbon") })
        {
            await admin.GotoAsync(page);
            await admin.GetByLabel("Under theme").SelectOptionAsync(theme);
            await admin.GetByLabel("Outcome name").FillAsync(name);
            await admin.GetByLabel("Outcome id (optional)").FillAsync(id);
            await admin.GetByRole(AriaRole.Button, new() { Name = "Add outcome" }).ClickAsync();
            await Expect(admin.Locator("#add .flash")).ToContainTextAsync($"Outcome {name} added.");
        }
        foreach (var (id, theme, outcome, unit, proxy) in new[]
        {
            ("new-jobs", "jobs", "local-jobs", "FTE", "JOB"), ("apprentice-weeks", "jobs", "local-jobs", "weeks", "APP"),
            ("carbon-saved", "environment", "less-carbon", "tCO2e", "CO2"),
        })
        {
            await admin.GotoAsync(page);
            await admin.GetByLabel("Under outcome").SelectOptionAsync($"{theme}/{outcome}");
            await admin.GetByLabel("Measure title").FillAsync(id);
            await admin.GetByLabel("Unit (e.g. FTE, weeks, £)").FillAsync(unit);
            await admin.GetByLabel("Measure id (optional)").FillAsync(id);
            await admin.Locator("#measure-formula").FillAsync($"Quantity * Proxy(\"{proxy}\")");
            await admin.GetByRole(AriaRole.Button, new() { Name = "Add measure" }).ClickAsync();
            await Expect(admin.Locator("#add .flash")).ToContainTextAsync($"Measure {id} added");
        }

        foreach (var (code, value) in new[] { ("JOB", "1000"), ("APP", "250"), ("CO2", "80") })
        {
            await admin.GotoAsync($"/frameworks/{Commissioning.Framework}");
            await admin.GetByLabel("Code").FillAsync(code);
            await admin.Locator("#proxy-value").FillAsync(value);
            await admin.GetByLabel("Effective from").FillAsync("2000-01-01");
            await admin.GetByRole(AriaRole.Button, new() { Name = "Set proxy value" }).ClickAsync();
            await Expect(admin.Locator("#proxy-values")).ToContainTextAsync(code);
        }
    }

    /// <summary>The officer saves the organisation's first assessment, present and target per dimension, from its assessment page.</summary>
    public static async Task AssessAsync(IPage officer, string organisationId, params (string Code, string Present, string Target)[] dimensions)
    {
        await officer.GotoAsync($"/organisations/{organisationId}/assessment");
        foreach (var (code, present, target) in dimensions)
        {
            await officer.Locator($"#present-{code}").SelectOptionAsync(present);
            await officer.Locator($"#target-{code}").SelectOptionAsync(target);
        }
        await officer.Locator("#save-assessment").ClickAsync();
        await Expect(officer.Locator("#flash")).ToContainTextAsync("Assessment saved");
    }

    /// <summary>The officer initiates a contract from the organisation's new-contract page; returns its id.</summary>
    public static async Task<string> CreateContractAsync(IPage officer, string organisationId, string title, string value, string frameworkId)
    {
        await officer.GotoAsync($"/organisations/{organisationId}/contracts/new");
        await officer.GetByLabel("Title").FillAsync(title);
        await officer.GetByLabel("Contract value (£)").FillAsync(value);
        await officer.GetByLabel("Themes, outcomes and measures framework").SelectOptionAsync(frameworkId);
        await officer.GetByRole(AriaRole.Button, new() { Name = "Initiate contract" }).ClickAsync();
        await Expect(officer).ToHaveURLAsync(ContractUrl());
        return ContractUrl().Match(officer.Url).Groups[1].Value;
    }

    /// <summary>Fires a permitted, reversible trigger from the contract's page and waits for the state it leads to.</summary>
    public static async Task FireAsync(IPage officer, string id, string trigger, string state)
    {
        await officer.GotoAsync($"/contracts/{id}");
        await officer.Locator($"button[data-trigger={trigger}]").ClickAsync();
        await Expect(officer.Locator("#contract-state")).ToHaveAttributeAsync("data-state", state);
    }

    /// <summary>
    /// The officer takes a contract on the Commissioning framework all the way to Live from the pages, as Commissioning.ToLiveAsync
    /// does over REST: every measure of its two outcomes specified, Acme's bid committing 10 FTE and 50 tCO2e entered,
    /// scored, awarded and gone live. Returns the contract's id.
    /// </summary>
    public static async Task<string> LiveContractAsync(IPage officer, string title)
    {
        var id = await CreateContractAsync(officer, Council.Id, title, "£1,000,000", Commissioning.Framework);
        await FireAsync(officer, id, "AnalyseNeeds", "NeedsAnalysis");
        await FireAsync(officer, id, "Consult", "Consultation");
        await FireAsync(officer, id, "Specify", "Specification");

        await officer.GotoAsync($"/contracts/{id}/specification");
        foreach (var chosen in new[] { "o-local-jobs", "o-less-carbon", "m-new-jobs", "m-apprentice-weeks", "m-carbon-saved" })
        {
            await officer.Locator($"#{chosen}").CheckAsync();
        }
        await officer.GetByRole(AriaRole.Button, new() { Name = "Save specification" }).ClickAsync();
        await Expect(officer.Locator("#flash")).ToContainTextAsync("Specification saved");
        await FireAsync(officer, id, "PublishTender", "Tendering");

        await officer.GotoAsync($"/contracts/{id}/bids/new");
        await officer.GetByLabel("Supplier", new() { Exact = true }).FillAsync(Supplier.Name);
        await officer.GetByLabel("Supplier's organisation, if registered").SelectOptionAsync(Supplier.Id);
        await officer.GetByLabel("Price (£)").FillAsync("£900,000");
        await officer.Locator("#target-new-jobs").FillAsync("10");
        await officer.Locator("#target-carbon-saved").FillAsync("50");
        await officer.GetByLabel("How the supplier will deliver the outcomes").FillAsync("Local recruitment through the job centre");
        await officer.GetByLabel("How delivery will be measured and verified").FillAsync("Payroll postcodes, audited quarterly");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Enter bid" }).ClickAsync();
        await Expect(officer.Locator("#flash")).ToContainTextAsync($"Bid from {Supplier.Name} entered");
        await FireAsync(officer, id, "CloseTender", "Evaluation");

        await officer.GotoAsync($"/contracts/{id}/bids");
        var bid = await officer.Locator("#comparison thead th[data-bid]").GetAttributeAsync("data-bid");
        await officer.Locator($"#delivery-{bid}").FillAsync("4");
        await officer.Locator($"#measurement-{bid}").FillAsync("5");
        await officer.Locator($"#answers-{bid} button[type=submit]").ClickAsync();
        await Expect(officer.Locator($"#answers-{bid} .scored")).ToContainTextAsync("delivery 4 of 5");

        await officer.GotoAsync($"/contracts/{id}");
        await officer.Locator("#award-bid").SelectOptionAsync(bid!);
        await officer.Locator("#contract-transitions-Award-reason").FillAsync("The only bid, and a good one");
        await officer.Locator("#contract-transitions-Award-confirm").CheckAsync();
        await officer.Locator("button[data-trigger=Award]").ClickAsync();
        await Expect(officer.Locator("#contract-state")).ToHaveAttributeAsync("data-state", "Awarded");
        await FireAsync(officer, id, "GoLive", "Live");
        return id;
    }

    /// <summary>
    /// The supplier sends the return due for <paramref name="period"/> from its contract page, one quantity per term in order;
    /// returns the return's id, which the page it lands on names.
    /// </summary>
    public static async Task<string> SubmitReturnAsync(IPage supplier, string supplierId, string contractId, string period, params string[] quantities)
    {
        await supplier.GotoAsync($"/suppliers/{supplierId}/contracts/{contractId}");
        for (var i = 0; i < quantities.Length; i++)
        {
            await supplier.Locator($"#quantity-{period}-{i}").FillAsync(quantities[i]);
        }
        await supplier.Locator($"#due-{period} button[type=submit]").ClickAsync();
        await Expect(supplier.Locator("#flash")).ToContainTextAsync($"Return for {period} submitted");
        return new Uri(supplier.Url).Fragment.Replace("#return-", "", StringComparison.Ordinal);
    }

    /// <summary>The officer accepts the contract's one return awaiting verification from its returns page.</summary>
    public static async Task AcceptReturnAsync(IPage officer, string contractId, string comment)
    {
        await officer.GotoAsync($"/contracts/{contractId}/returns");
        var id = await officer.Locator("article.return:has(button[value=true])").GetAttributeAsync("id");
        await officer.Locator($"#{id} textarea[name=comment]").FillAsync(comment);
        await officer.Locator($"#{id} button[value=true]").ClickAsync();
        await Expect(officer.Locator($"#{id} .badge")).ToHaveTextAsync("Accepted");
    }

    /// <summary>
    /// The applicant's officer starts an application to <paramref name="awardingBodyId"/> (under <paramref name="schemeId"/> when
    /// given), consents to publish, adds evidence per (theme, criterion) and submits; returns the application's id.
    /// </summary>
    public static async Task<string> ApplyAsync(IPage applicant, string organisationId, string awardingBodyId, string? schemeId,
        params (string Theme, string Criterion)[] evidence)
    {
        await applicant.GotoAsync($"/applicants/{organisationId}");
        await applicant.Locator("#awarding-body").SelectOptionAsync(awardingBodyId);
        if (schemeId is not null)
        {
            await applicant.Locator("#scheme").SelectOptionAsync(schemeId);
        }
        await applicant.GetByRole(AriaRole.Button, new() { Name = "Start the application" }).ClickAsync();
        await Expect(applicant.Locator("#application-state")).ToHaveAttributeAsync("data-state", "Draft");
        var id = new Regex($"/applicants/{organisationId}/applications/([a-z0-9-]+)$").Match(applicant.Url).Groups[1].Value;
        await applicant.Locator("#consent-to-publish").CheckAsync();
        await applicant.GetByRole(AriaRole.Button, new() { Name = "Save consent" }).ClickAsync();
        await Expect(applicant.Locator("#flash")).ToContainTextAsync("Consent to publish given.");
        foreach (var (theme, criterion) in evidence)
        {
            await AddEvidenceAsync(applicant, theme, criterion, $"Our work on {criterion}");
        }
        await applicant.Locator("button[data-trigger=Submit]").ClickAsync();
        await Expect(applicant.Locator("#application-state")).ToHaveAttributeAsync("data-state", "Submitted");
        return id;
    }

    /// <summary>The applicant adds evidence for a criterion under its theme on the application's page.</summary>
    public static async Task AddEvidenceAsync(IPage applicant, string theme, string criterion, string description)
    {
        var form = applicant.Locator($"#evidence-{theme}");
        await form.Locator("select").SelectOptionAsync(criterion);
        await form.Locator("textarea").FillAsync(description);
        await form.GetByRole(AriaRole.Button, new() { Name = "Add evidence" }).ClickAsync();
        await Expect(applicant.Locator("#flash")).ToContainTextAsync("Evidence added.");
        await Expect(applicant.Locator($"#criterion-{criterion} .evidence-item").Last).ToContainTextAsync(description);
    }

    /// <summary>The champion accepts, or rejects with a confirmed reason, the piece of evidence whose description has <paramref name="text"/>.</summary>
    public static async Task ReviewEvidenceAsync(IPage champion, string text, bool accepted, string comment)
    {
        var item = champion.Locator("li.evidence-item", new() { HasText = text }).Last;
        if (accepted)
        {
            await item.Locator("input[name=comment]").FillAsync(comment);
            await item.Locator("button[value=true]").ClickAsync();
        }
        else
        {
            await item.Locator("summary").ClickAsync();
            await item.Locator("textarea[name=comment]").FillAsync(comment);
            await item.Locator("input[type=checkbox]").CheckAsync();
            await item.Locator("button[value=false]").ClickAsync();
        }
        await Expect(item.Locator(".review")).ToHaveAttributeAsync("data-review", accepted ? "accepted" : "rejected");
    }

    [GeneratedRegex("/contracts/([a-z0-9-]+)$")]
    private static partial Regex ContractUrl();

    /// <summary>An organisation as the administrator registers it.</summary>
    public sealed record Organisation(string Id, string Name, string Type, string Place);
}
