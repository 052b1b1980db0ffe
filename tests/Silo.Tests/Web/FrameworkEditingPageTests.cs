using SocialValue.Silo.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace SocialValue.Silo.Tests.Web;

/// <summary>
/// An administrator builds a framework on its page: a theme, an outcome under it and a measure with its first formula.
/// A refusal (a formula that does not compile) is answered beside the form and adds nothing.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class FrameworkEditingPageTests(BrowserFixture browser) : IAsyncLifetime
{
    private WebSite _site = null!;

    public async Task InitializeAsync() => _site = await WebSite.StartAsync(browser);

    public async Task DisposeAsync() => await _site.DisposeAsync();

    [Fact]
    public async Task An_admin_adds_a_theme_an_outcome_and_a_measure_and_a_formula_that_does_not_compile_adds_nothing()
    {
        var admin = await _site.SignInAsync(TestSilo.AdminKey);
        await admin.GotoAsync("/frameworks");
        await admin.GetByLabel("Copy of").SelectOptionAsync(new Microsoft.Playwright.SelectOptionValue { Label = "Nothing: an empty framework" });
        await admin.GetByLabel("Name").FillAsync("Our own measures");
        await admin.GetByLabel("Id (optional)").FillAsync("own");
        await admin.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Copy" }).ClickAsync();
        await Expect(admin.Locator("h1")).ToHaveTextAsync("Our own measures");
        await Expect(admin.Locator("#add")).Not.ToContainTextAsync("Add measure");

        await admin.GetByLabel("Theme name").FillAsync("Jobs and skills");
        await admin.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Add theme" }).ClickAsync();
        await Expect(admin.Locator("#add .flash")).ToHaveTextAsync("Theme Jobs and skills added.");
        await admin.GetByLabel("Outcome name").FillAsync("More local people in work");
        await admin.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Add outcome" }).ClickAsync();
        await Expect(admin.Locator("#add .flash")).ToHaveTextAsync("Outcome More local people in work added.");

        await admin.GetByLabel("Measure title").FillAsync("Local people employed");
        await admin.GetByLabel("Unit (e.g. FTE, weeks, £)").FillAsync("FTE");
        await admin.Locator("#measure-formula").FillAsync("Quantity * Nonsense(");
        await admin.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Add measure" }).ClickAsync();
        await Expect(admin.Locator("#add .flash.error")).ToBeVisibleAsync();
        await Expect(admin.Locator("#tree-h + ul")).Not.ToContainTextAsync("Local people employed");

        await admin.GetByLabel("Measure title").FillAsync("Local people employed");
        await admin.GetByLabel("Unit (e.g. FTE, weeks, £)").FillAsync("FTE");
        await admin.Locator("#measure-formula").FillAsync("Quantity");
        await admin.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Add measure" }).ClickAsync();
        await Expect(admin.Locator("#add .flash")).ToHaveTextAsync("Measure Local people employed added with its formula as version 1.");
        await Expect(admin.Locator("#tree-h + ul")).ToContainTextAsync("Local people employed");
        await Expect(admin.Locator("#tree-h + ul")).ToContainTextAsync("FTE · formula v1");

        var framework = await _site.GetAsync("/api/frameworks/own");
        var measures = framework.GetProperty("themes")[0].GetProperty("outcomes")[0].GetProperty("measures");
        Assert.Equal(1, measures.GetArrayLength());
        _site.AssertNoRequestLeftTheService();
    }
}
