using System.Net;
using System.Text.Json;
using Microsoft.Playwright;
using SocialValue.Silo.Tests.Infrastructure;

namespace SocialValue.Silo.Tests.Web;

/// <summary>
/// A real Silo on a fresh SQLite file, seen through a browser context that records every request the pages make,
/// so a test can prove nothing left the service. Screenshots go to tests/screenshots/.
/// </summary>
public sealed class WebSite : IAsyncDisposable
{
    private readonly TestDatabase _database;
    private readonly List<IBrowserContext> _contexts = [];
    private readonly List<string> _requests = [];

    private WebSite(TestDatabase database, TestSilo silo, IBrowser browser)
    {
        (_database, Silo, Browser) = (database, silo, browser);
        Admin = silo.Client();
    }

    public TestSilo Silo { get; }

    public IBrowser Browser { get; }

    public HttpClient Admin { get; }

    public static string ScreenshotFolder { get; } = FindScreenshotFolder();

    public static async Task<WebSite> StartAsync(BrowserFixture browser)
    {
        var database = TestDatabase.Sqlite();
        return new WebSite(database, await TestSilo.StartAsync(database), browser.Browser);
    }

    /// <summary>A new browser session (its own cookies) at <paramref name="width"/> px, every request recorded.</summary>
    /// <remarks><paramref name="bypassCsp"/> only lets a test inject a checker such as axe-core (PageChecks).</remarks>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900, bool javaScript = true, bool bypassCsp = false)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Silo.Address.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "en-GB",
            JavaScriptEnabled = javaScript,
            BypassCSP = bypassCsp,
        });
        context.Request += (_, request) =>
        {
            lock (_requests)
            {
                _requests.Add(request.Url);
            }
        };
        // Generous: the whole suite shares two cores with this browser.
        context.SetDefaultTimeout(30_000);
        _contexts.Add(context);
        return await context.NewPageAsync();
    }

    public async Task<IPage> SignInAsync(string key, int width = 1280, int height = 900, bool javaScript = true, bool bypassCsp = false)
    {
        var page = await NewPageAsync(width, height, javaScript, bypassCsp);
        await page.GotoAsync("/");
        await page.GetByLabel("API key").FillAsync(key);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        try
        {
            // The redirect itself is what signing in does; the dashboard's own loading is the test's business.
            await page.WaitForURLAsync(url => !url.Contains("/sign-in", StringComparison.Ordinal),
                new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        }
        catch (TimeoutException)
        {
            Assert.Fail($"Sign-in stayed on {page.Url}: {await page.Locator("main").InnerTextAsync()}");
        }
        return page;
    }

    /// <summary>Issues a key for a role of an organisation through the API and returns it.</summary>
    public async Task<string> KeyAsync(string role, string organisationId)
    {
        var created = await Admin.PostJsonAsync("/api/keys", new { name = $"{role} of {organisationId}", role, organisationId })
            .AssertJsonAsync(HttpStatusCode.Created);
        return created.GetProperty("key").GetString()!;
    }

    public async Task<JsonElement> PostAsync(string path, object body, HttpClient? client = null) =>
        await (client ?? Admin).PostJsonAsync(path, body).AssertJsonAsync(HttpStatusCode.Created);

    public Task<JsonElement> GetAsync(string path) => Admin.GetAsync(path).AssertJsonAsync(HttpStatusCode.OK);

    public HttpClient Client(string key) => Silo.Client(key);

    public static async Task ScreenshotAsync(IPage page, string name, bool fullPage = true)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, $"{name}.png"), FullPage = fullPage });
    }

    /// <summary>Every request any page of this site made went to the Silo's own origin.</summary>
    public void AssertNoRequestLeftTheService()
    {
        var origin = Silo.Address.GetLeftPart(UriPartial.Authority);
        lock (_requests)
        {
            Assert.NotEmpty(_requests);
            Assert.All(_requests, url => Assert.True(
                url.StartsWith(origin + "/", StringComparison.Ordinal) || url.StartsWith("data:", StringComparison.Ordinal),
                $"A page requested {url}, outside {origin}."));
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var context in _contexts)
        {
            await context.DisposeAsync();
        }
        Admin.Dispose();
        await Silo.DisposeAsync();
        await _database.DisposeAsync();
    }

    private static string FindScreenshotFolder()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "SocialValue.sln")))
        {
            folder = folder.Parent;
        }
        return Path.Combine(folder?.FullName ?? Path.GetTempPath(), "tests", "screenshots");
    }
}
