using System.Text.Json;
using Microsoft.Playwright;

namespace SocialValue.Silo.Tests.Web;

/// <summary>
/// Checks any page test can run on a page it has open: no serious or critical axe-core violation, and no horizontal
/// scroll at phone width. axe-core is the npm package tests/openapi installs (scripts/test runs its npm ci).
/// </summary>
public static class PageChecks
{
    public const int PhoneWidth = 375;

    private static readonly Lazy<string> AxeSource = new(() => File.ReadAllText(AxePath()));

    /// <summary>
    /// Opens <paramref name="path"/> in a new session signed in with <paramref name="key"/> (or none), at desktop width and at
    /// 375 px, and asserts both checks at each; screenshots go to tests/screenshots/{name}-desktop.png and -phone.png.
    /// </summary>
    public static Task AssertAccessibleAndFitsAsync(WebSite site, string? key, string path, string name) =>
        AssertAccessibleAndFitAsync(site, key, (name, path));

    /// <summary>
    /// The sweep of a role's pages: one session signed in with <paramref name="key"/> (or none) at desktop width and one at
    /// 375 px open each page in turn and assert both checks on it; screenshots go to tests/screenshots/{name}-desktop.png and -phone.png.
    /// </summary>
    public static async Task AssertAccessibleAndFitAsync(WebSite site, string? key, params (string Name, string Path)[] pages)
    {
        foreach (var (width, suffix) in new[] { (1280, "desktop"), (PhoneWidth, "phone") })
        {
            var page = key is null ? await site.NewPageAsync(width, 812, bypassCsp: true) : await site.SignInAsync(key, width, 812, bypassCsp: true);
            foreach (var (name, path) in pages)
            {
                var response = await page.GotoAsync(path);
                Assert.True(response is { Ok: true }, $"{path} answered {response?.Status}.");
                await AssertNoSeriousViolationsAsync(page, $"{path} at {width} px");
                if (width == PhoneWidth)
                {
                    await AssertNoHorizontalScrollAsync(page);
                }
                await WebSite.ScreenshotAsync(page, $"{name}-{suffix}");
            }
            await page.Context.CloseAsync();
        }
    }

    /// <summary>Runs axe-core on the page as it is and fails on any serious or critical violation, naming the rule and the elements.</summary>
    /// <remarks>The page's context needs Playwright's BypassCSP: the pages' CSP rightly refuses an injected script.</remarks>
    public static async Task AssertNoSeriousViolationsAsync(IPage page, string where)
    {
        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Content = AxeSource.Value });
        var json = await page.EvaluateAsync<string>("""
            async () => {
              const results = await axe.run(document, { resultTypes: ['violations'] });
              return JSON.stringify(results.violations
                .filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map(n => n.target.join(' ')) })));
            }
            """);
        using var violations = JsonDocument.Parse(json);
        var found = violations.RootElement.EnumerateArray()
            .Select(v => $"{v.GetProperty("impact").GetString()} {v.GetProperty("id").GetString()}: {v.GetProperty("help").GetString()} at "
                + string.Join(", ", v.GetProperty("targets").EnumerateArray().Select(t => t.GetString())))
            .ToList();
        Assert.True(found.Count == 0, $"axe-core finds on {where}:\n{string.Join("\n", found)}");
    }

    /// <summary>Nothing is wider than the screen: the page never scrolls sideways.</summary>
    public static async Task AssertNoHorizontalScrollAsync(IPage page)
    {
        var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"{page.Url} is {overflow} px wider than the {page.ViewportSize?.Width} px screen.");
    }

    private static string AxePath()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "SocialValue.sln")))
        {
            folder = folder.Parent;
        }
        var path = Path.Combine(folder?.FullName ?? ".", "tests", "openapi", "node_modules", "axe-core", "axe.min.js");
        return File.Exists(path) ? path : throw new FileNotFoundException($"axe-core is not installed at {path}: run npm ci --prefix tests/openapi.");
    }
}
