using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using SocialValue.Api.Auth;
using SocialValue.Keys;
using static SocialValue.Api.Web.Markup;

namespace SocialValue.Api.Web;

/// <summary>The page shell: landmarks, a skip link, navigation for the signed-in role, the one-time message.</summary>
internal static class Layout
{
    /// <summary>Nothing but this service: no CDN, no web fonts, no inline script.</summary>
    private const string ContentSecurityPolicy =
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    public static IResult Page(HttpContext context, string title, Markup main, int status = StatusCodes.Status200OK)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "same-origin";
        var flash = WebForms.TakeFlash(context);
        var html = H($$"""
            <!DOCTYPE html>
            <html lang="en-GB">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{{title}} — SocialValue</title>
            <link rel="stylesheet" href="/assets/site.css">
            <script src="/assets/site.js" defer></script>
            </head>
            <body>
            <a class="skip" href="#main">Skip to content</a>
            <header class="site">
              <a class="brand" href="/">SocialValue</a>
              {{Navigation(context)}}
            </header>
            <main id="main" tabindex="-1">
            <div id="flash" aria-live="polite">{{(flash is { } f ? H($"<p class=\"flash {f.Kind}\" role=\"{(f.Kind == "error" ? "alert" : "status")}\">{f.Text}</p>") : Empty)}}</div>
            {{main}}
            </main>
            <footer class="site"><p>SocialValue — social value for UK public bodies and their partners. <a href="/register">Public register of Social Value Award holders</a>.</p></footer>
            </body>
            </html>
            """);
        return Results.Content(html.Value, "text/html; charset=utf-8", statusCode: status);
    }

    private static Markup Navigation(HttpContext context)
    {
        var user = context.User;
        if (user.Identity is not { IsAuthenticated: true, AuthenticationType: WebSession.Scheme })
        {
            return H($"""<nav aria-label="Main"><ul><li><a href="/register">Register</a></li><li><a href="{WebSession.SignInPath}">Sign in</a></li></ul></nav>""");
        }
        var links = new List<(string Href, string Text)>();
        if (user.OrganisationId() is { } organisation)
        {
            links.Add(($"/organisations/{organisation}", "Dashboard"));
        }
        if (user.Role() is Role.Champion or Role.Admin)
        {
            links.Add(("/kitemark/queue", "Champion's queue"));
        }
        if (user.IsAdmin())
        {
            links.Add(("/organisations", "Organisations"));
            links.Add(("/frameworks", "Formulas"));
        }
        links.Add(("/register", "Register"));
        var path = context.Request.Path.Value ?? "";
        return H($"""
            <nav aria-label="Main"><ul>{links.Select(l => H($"<li><a href=\"{l.Href}\"{When(path == l.Href, H($" aria-current=\"page\""))}>{l.Text}</a></li>"))}</ul></nav>
            <div class="who"><span>{user.FindFirstValue(ClaimTypes.Name)} · {user.Role()}</span>
            {WebForms.Form(context, "/sign-out", H($"<button type=\"submit\" class=\"link\">Sign out</button>"), "inline")}</div>
            """);
    }
}
