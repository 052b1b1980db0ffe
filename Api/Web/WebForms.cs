using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;
using SocialValue.Api.Errors;
using SocialValue.Versions;
using static SocialValue.Api.Web.Markup;

namespace SocialValue.Api.Web;

/// <summary>Forms of the pages: every post carries an antiforgery token and answers with a redirect and a one-time message.</summary>
internal static class WebForms
{
    public const string AntiforgeryField = "__af";

    /// <summary>The hidden field a form carries its resource's ETag in, as the REST API carries it in <c>If-Match</c>.</summary>
    public const string IfMatchField = "ifMatch";
    private const string FlashCookie = "sv_flash";

    /// <summary>The hidden antiforgery field; also sets the antiforgery cookie it pairs with.</summary>
    public static Markup Antiforgery(HttpContext context)
    {
        var tokens = context.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(context);
        return H($"<input type=\"hidden\" name=\"{tokens.FormFieldName}\" value=\"{tokens.RequestToken}\">");
    }

    /// <summary>A post form to <paramref name="action"/> with its antiforgery field.</summary>
    public static Markup Form(HttpContext context, string action, Markup fields, string? cssClass = null, bool enhance = false) =>
        H($"<form method=\"post\" action=\"{action}\"{When(cssClass is not null, H($" class=\"{cssClass}\""))}{When(enhance, H($" data-enhance"))}>{Antiforgery(context)}{fields}</form>");

    /// <summary>The posted form, once its antiforgery token is valid (400 otherwise).</summary>
    public static async Task<IFormCollection> ReadAsync(HttpContext context)
    {
        await context.RequestServices.GetRequiredService<IAntiforgery>().ValidateRequestAsync(context);
        return await context.Request.ReadFormAsync();
    }

    /// <summary>
    /// Runs a form's action through the API's own handlers and redirects to <paramref name="returnTo"/> with its notice,
    /// or with the API's refusal (validation, conflict, blocked transition) as an error. A forbidden action is not
    /// a message but a 403 page.
    /// </summary>
    public static async Task<IResult> ActAsync(HttpContext context, string returnTo, Func<IFormCollection, Task<string>> action)
    {
        var form = await ReadAsync(context);
        try
        {
            Flash(context, "notice", await action(form));
        }
        catch (Exception exception) when (ProblemExceptionHandler.ToProblem(exception).Status is >= 400 and < 500 and not 403)
        {
            Flash(context, "error", WebErrors.Explain(ProblemExceptionHandler.ToProblem(exception)));
        }
        // API handlers tag the resource's version; a redirect is not that resource.
        context.Response.Headers.Remove(HeaderNames.ETag);
        return Results.Redirect(returnTo);
    }

    /// <summary>
    /// The version the posted form was rendered at, as a write's <c>If-Match</c>: a form that changes a versioned resource
    /// names the version it showed, so a change made meanwhile by someone else is a 412 rather than lost.
    /// </summary>
    public static VersionCondition? IfMatch(IFormCollection form) =>
        form[IfMatchField].ToString() is { Length: > 0 } version ? new VersionCondition(false, [version.Trim('"')]) : null;

    /// <summary>The one-time message left by the last action, removed as it is read.</summary>
    public static (string Kind, string Text)? TakeFlash(HttpContext context)
    {
        if (context.Request.Cookies[FlashCookie] is not { } value || value.IndexOf('|') is var bar && bar < 0)
        {
            return null;
        }
        context.Response.Cookies.Delete(FlashCookie);
        return (value[..bar] == "error" ? "error" : "notice", value[(bar + 1)..]);
    }

    internal static void Flash(HttpContext context, string kind, string text) =>
        context.Response.Cookies.Append(FlashCookie, $"{kind}|{(text.Length > 1500 ? text[..1500] + "…" : text)}",
            new CookieOptions { HttpOnly = true, SameSite = Microsoft.AspNetCore.Http.SameSiteMode.Strict, Path = "/", IsEssential = true });
}
