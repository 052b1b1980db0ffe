using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace SocialValue.Api.Web;

/// <summary>Answers a request with a Razor component rendered on the server (static SSR), under the pages' security headers.</summary>
internal static class WebPage
{
    /// <summary>Nothing but this service: no CDN, no web fonts, no inline script.</summary>
    private const string ContentSecurityPolicy =
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    public static RazorComponentResult<TPage> Render<TPage>(HttpContext context, object? parameters = null, int status = StatusCodes.Status200OK)
        where TPage : IComponent
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "same-origin";
        return new RazorComponentResult<TPage>(parameters ?? new { })
        {
            StatusCode = status,
            ContentType = "text/html; charset=utf-8",
            PreventStreamingRendering = true,
        };
    }
}
