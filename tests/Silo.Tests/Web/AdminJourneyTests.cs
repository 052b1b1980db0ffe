using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SocialValue.Silo.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace SocialValue.Silo.Tests.Web;

/// <summary>
/// The administrator's whole job from the pages, in Chromium, starting from the bootstrap key: organisations, keys
/// (a new key shown once, revoking it ends its sessions), nominations, and the operations dashboards.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AdminJourneyTests(BrowserFixture browser) : IAsyncLifetime
{
    private WebSite _site = null!;

    public async Task InitializeAsync() => _site = await WebSite.StartAsync(browser);

    public async Task DisposeAsync() => await _site.DisposeAsync();

    [Fact]
    public async Task An_administrator_registers_and_edits_organisations_issues_and_revokes_a_key_and_nominates()
    {
        var admin = await _site.SignInAsync(TestSilo.AdminKey);
        await admin.GotoAsync("/admin");
        await RegisterAsync(admin, "Wirral Borough Council", "LocalAuthority", "Wirral", "wirral");
        await RegisterAsync(admin, "Wirral CVS", "Vcfse", "Birkenhead", "");
        await WebSite.ScreenshotAsync(admin, "admin-home");

        await admin.GetByRole(AriaRole.Link, new() { Name = "Edit Wirral Borough Council" }).ClickAsync();
        await admin.GetByLabel("Place").FillAsync("Wallasey");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(admin.Locator("#flash")).ToContainTextAsync("Wirral Borough Council is saved.");
        await Expect(admin.GetByLabel("Place")).ToHaveValueAsync("Wallasey");
        // Someone else changes it meanwhile: the page's version is stale, so its save is refused and changes nothing.
        (await _site.Admin.PutAsJsonAsync("/api/organisations/wirral", new { name = "Wirral Council", type = "LocalAuthority", place = "Wallasey" }))
            .EnsureSuccessStatusCode();
        await admin.GetByLabel("Place").FillAsync("Lost Update");
        var refused = await admin.RunAndWaitForResponseAsync(
            () => admin.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync(), r => r.Request.Method == "POST");
        Assert.Equal(412, refused.Status);
        await Expect(admin.Locator("h1")).ToHaveTextAsync("Changed since you opened it");
        Assert.Equal("Wallasey", (await _site.GetAsync("/api/organisations/wirral")).GetProperty("place").GetString());

        await admin.GotoAsync("/admin/keys");
        await admin.GetByLabel("Holder's name").FillAsync("Officer of Wirral");
        await admin.GetByLabel("Role").SelectOptionAsync("Officer");
        await admin.GetByLabel("Organisation", new() { Exact = true }).FillAsync("wirral");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Issue key" }).ClickAsync();
        var shown = admin.Locator("#new-key-value");
        await Expect(shown).ToBeVisibleAsync();
        var key = (await shown.InnerTextAsync()).Trim();
        await WebSite.ScreenshotAsync(admin, "admin-new-key");
        await admin.ReloadAsync();
        await Expect(admin.Locator("#new-key-value")).ToHaveCountAsync(0);
        Assert.DoesNotContain(key, await admin.ContentAsync());

        var officer = await _site.SignInAsync(key);
        await Expect(officer).ToHaveURLAsync(new Regex("/organisations/wirral$"));

        await admin.GotoAsync("/admin/keys");
        // Keys read sv_{id}_{secret}; the id is what finds the key again.
        await admin.GetByLabel("Key id").FillAsync(key.Split('_')[1]);
        await admin.GetByRole(AriaRole.Button, new() { Name = "Find" }).ClickAsync();
        await Expect(admin.Locator("#key-state")).ToHaveTextAsync("Active");
        await admin.GetByRole(AriaRole.Link, new() { Name = "Revoke…" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Heading, new() { Name = "Revoke this key?" })).ToBeVisibleAsync();
        await WebSite.ScreenshotAsync(admin, "admin-revoke-confirm");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Revoke the key" }).ClickAsync();
        await Expect(admin.Locator("#key-state")).ToHaveTextAsync("Revoked");

        await officer.ReloadAsync();
        await Expect(officer).ToHaveURLAsync(new Regex("/sign-in"));

        await admin.GotoAsync("/admin/nominations");
        await admin.GetByLabel("Organisation nominated").FillAsync("wirral-cvs");
        await admin.GetByLabel("Nominated by (a local authority or chamber of commerce)").SelectOptionAsync("wirral");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Nominate" }).ClickAsync();
        await Expect(admin.Locator("#nominations")).ToContainTextAsync("Wirral CVS");
        await Expect(admin.Locator("#nominations")).ToContainTextAsync("Wirral Council");
        await WebSite.ScreenshotAsync(admin, "admin-nominations");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Remove the nomination of Wirral CVS" }).ClickAsync();
        await Expect(admin.Locator("#no-nominations")).ToBeVisibleAsync();

        await admin.GotoAsync("/admin");
        foreach (var operations in new[] { "/dashboard", "/hangfire" })
        {
            await Expect(admin.Locator($"a[href='{operations}']")).ToBeVisibleAsync();
            Assert.Equal(200, (await admin.Context.APIRequest.GetAsync(operations)).Status);
        }

        await PageChecks.AssertAccessibleAndFitAsync(_site, TestSilo.AdminKey,
            ("admin-home", "/admin"), ("admin-keys", "/admin/keys"), ("admin-nominations", "/admin/nominations"),
            ("admin-organisation", "/admin/organisations/wirral"), ("admin-organisations", "/organisations"), ("admin-frameworks", "/frameworks"),
            ("admin-framework", "/frameworks/walsall"), ("admin-formula", "/frameworks/walsall/measures/economic-growth-m2"),
            ("admin-key", $"/admin/keys/{key.Split('_')[1]}"));
        await PageChecks.AssertAccessibleAndFitsAsync(_site, null, "/sign-in", "sign-in");
        _site.AssertNoRequestLeftTheService();
    }

    [Fact]
    public async Task The_administrator_pages_are_for_admin_only()
    {
        await _site.PostAsync("/api/organisations", new { id = "sefton", name = "Sefton Council", type = "LocalAuthority", place = "Sefton" });
        var officer = await _site.SignInAsync(await _site.KeyAsync("Officer", "sefton"));

        foreach (var path in new[] { "/admin", "/admin/keys", "/admin/nominations", "/admin/organisations/sefton" })
        {
            var response = await officer.GotoAsync(path);
            Assert.NotEqual(200, response!.Status);
        }
    }

    private static async Task RegisterAsync(IPage page, string name, string type, string place, string id)
    {
        var form = page.Locator("form.admin-form");
        await form.GetByLabel("Name").FillAsync(name);
        await form.GetByLabel("Kind").SelectOptionAsync(type);
        await form.GetByLabel("Place").FillAsync(place);
        await form.GetByLabel("Id (optional)").FillAsync(id);
        await form.GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();
        await Expect(page.Locator("#flash")).ToContainTextAsync($"{name} is registered");
        await Expect(page.Locator("#organisation-list")).ToContainTextAsync(name);
    }
}
