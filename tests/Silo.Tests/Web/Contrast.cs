using Microsoft.Playwright;

namespace SocialValue.Silo.Tests.Web;

/// <summary>WCAG contrast of every visible piece of text on a page, against the first opaque background behind it.</summary>
public static class Contrast
{
    private const string Script = """
        () => {
          const rgb = (c) => (c.match(/[\d.]+/g) || []).map(Number);
          const lum = ([r, g, b]) => {
            const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
            return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
          };
          const background = (el) => {
            for (; el; el = el.parentElement) {
              const c = rgb(getComputedStyle(el).backgroundColor);
              if (c.length === 3 || (c.length === 4 && c[3] === 1)) return c.slice(0, 3);
            }
            return [255, 255, 255];
          };
          const failures = [];
          let checked = 0;
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          for (let node; (node = walker.nextNode());) {
            const el = node.parentElement;
            if (!node.textContent.trim() || !el || el.closest('svg') || !el.getClientRects().length) continue;
            const style = getComputedStyle(el);
            if (style.visibility === 'hidden' || style.display === 'none') continue;
            checked++;
            const fg = lum(rgb(style.color)), bg = lum(background(el));
            const ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
            if (ratio < 4.5) failures.push(`${ratio.toFixed(2)}: ${node.textContent.trim().slice(0, 40)}`);
          }
          return [String(checked), ...failures];
        }
        """;

    /// <summary>Fails with the texts whose contrast is below 4.5:1.</summary>
    public static async Task AssertAtLeast4_5Async(IPage page)
    {
        var result = await page.EvaluateAsync<string[]>(Script);
        Assert.True(int.Parse(result[0], System.Globalization.CultureInfo.InvariantCulture) > 10, $"Too few texts checked on {page.Url}.");
        var failures = result[1..];
        Assert.True(failures.Length == 0, $"Text below 4.5:1 contrast on {page.Url}: {string.Join(" | ", failures)}");
    }
}
