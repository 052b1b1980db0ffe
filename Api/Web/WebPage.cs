using System.Security.Cryptography;
using System.Text;
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

    /// <summary>
    /// Renders <typeparamref name="TPage"/>. A document that must stand alone when saved (the printable action plan) names
    /// its one <paramref name="inlineStyle"/>, which the policy then allows by its hash instead of the site's stylesheet.
    /// </summary>
    public static RazorComponentResult<TPage> Render<TPage>(
        HttpContext context, object? parameters = null, int status = StatusCodes.Status200OK, string? inlineStyle = null)
        where TPage : IComponent
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = inlineStyle is null ? ContentSecurityPolicy : ContentSecurityPolicy.Replace(
            "style-src 'self'", $"style-src 'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(inlineStyle)))}'", StringComparison.Ordinal);
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
