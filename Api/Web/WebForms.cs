using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using SocialValue.Api.Errors;
using SocialValue.Errors;
using SocialValue.Versions;
using SocialValue.Workflow;

namespace SocialValue.Api.Web;

/// <summary>A one-time message of the last action, shown beside the section it was about (<see cref="Target"/>) or at the top.</summary>
internal sealed record FlashMessage(string Kind, string? Target, string Text)
{
    public bool IsError => Kind == "error";
}

/// <summary>Forms of the pages: every post carries an antiforgery token and answers with a redirect and a one-time message.</summary>
internal static class WebForms
{
    public const string AntiforgeryField = "__af";

    /// <summary>The hidden field a form carries its resource's ETag in, as the REST API carries it in <c>If-Match</c>.</summary>
    public const string IfMatchField = "ifMatch";

    /// <summary>The box a person ticks to say they mean an action that cannot be undone.</summary>
    public const string ConfirmField = "confirm";

    private const string FlashCookie = "sv_flash";
    private static readonly object FlashKey = new();

    /// <summary>The posted form, once its antiforgery token is valid (400 otherwise).</summary>
    public static async Task<IFormCollection> ReadAsync(HttpContext context)
    {
        await context.RequestServices.GetRequiredService<IAntiforgery>().ValidateRequestAsync(context);
        return await context.Request.ReadFormAsync();
    }

    /// <summary>
    /// Runs a form's action and redirects to <paramref name="returnTo"/> with its notice, or with the refusal (validation,
    /// conflict, blocked transition) as an error, shown beside the section <paramref name="returnTo"/>'s fragment names.
    /// A forbidden action is a 403 page; a form older than its resource (a stale If-Match) is a 412 page that says so.
    /// </summary>
    public static async Task<IResult> ActAsync(HttpContext context, string returnTo, Func<IFormCollection, Task<string>> action)
    {
        var form = await ReadAsync(context);
        var target = returnTo.IndexOf('#') is var hash and >= 0 ? returnTo[(hash + 1)..] : null;
        try
        {
            Flash(context, new FlashMessage("notice", target, await action(form)));
        }
        catch (PreconditionFailedException stale)
        {
            var problem = ProblemExceptionHandler.ToProblem(stale);
            return WebPage.Render<Components.Pages.ErrorPage>(context, new
            {
                Heading = "Changed since you opened it",
                Detail = $"{WebErrors.Explain(problem)} Nothing was saved: read the page again and redo the change if it still applies.",
                BackTo = returnTo,
            }, StatusCodes.Status412PreconditionFailed);
        }
        catch (Exception exception) when (ProblemExceptionHandler.ToProblem(exception).Status is >= 400 and < 500 and not 403)
        {
            Flash(context, new FlashMessage("error", target, WebErrors.Explain(ProblemExceptionHandler.ToProblem(exception))));
        }
        return Results.Redirect(returnTo);
    }

    /// <summary>
    /// The version the posted form was rendered at, as a write's <c>If-Match</c>: a form that changes a versioned resource
    /// names the version it showed, so a change made meanwhile by someone else is a 412 rather than lost.
    /// </summary>
    public static VersionCondition? IfMatch(IFormCollection form) =>
        form[IfMatchField].ToString() is { Length: > 0 } version ? new VersionCondition(false, [version.Trim('"')]) : null;

    /// <summary>
    /// The posted form's fields, without the antiforgery token, the If-Match and the confirmation, as a transition request;
    /// a trigger that cannot be undone needs its confirmation ticked.
    /// </summary>
    public static TransitionRequest Transition(IFormCollection form, ClaimsPrincipal user, IReadOnlySet<string> irreversible)
    {
        var request = Workflows.WorkflowApi.Request(
            form.Where(f => f.Key is not (AntiforgeryField or IfMatchField or ConfirmField) && !string.IsNullOrWhiteSpace(f.Value))
                .Select(f => KeyValuePair.Create(f.Key, f.Value.ToString())),
            user);
        EnsureConfirmed(form, irreversible.Contains(request.Trigger), Format.Words(request.Trigger));
        return request;
    }

    /// <summary>Refuses an irreversible action whose "I understand" box was not ticked.</summary>
    public static void EnsureConfirmed(IFormCollection form, bool irreversible, string what)
    {
        if (irreversible && form[ConfirmField] != "yes")
        {
            throw new ValidationException(ConfirmField, $"{what} cannot be undone: tick “I understand” to confirm it.");
        }
    }

    /// <summary>The one-time message left by the last action, removed as it is read; every component of the page sees the same one.</summary>
    public static FlashMessage? Flash(HttpContext context)
    {
        if (context.Items.TryGetValue(FlashKey, out var taken))
        {
            return (FlashMessage?)taken;
        }
        FlashMessage? flash = null;
        if (context.Request.Cookies[FlashCookie] is { } value && value.Split('|', 3) is [var kind, var target, var text])
        {
            context.Response.Cookies.Delete(FlashCookie);
            flash = new FlashMessage(kind == "error" ? "error" : "notice", target.Length == 0 ? null : target, text);
        }
        context.Items[FlashKey] = flash;
        return flash;
    }

    private static void Flash(HttpContext context, FlashMessage flash) =>
        context.Response.Cookies.Append(FlashCookie,
            $"{flash.Kind}|{flash.Target?.Replace("|", "", StringComparison.Ordinal)}|{(flash.Text.Length > 1500 ? flash.Text[..1500] + "…" : flash.Text)}",
            new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Strict, Path = "/", IsEssential = true });

    /// <summary>Leaves a one-time message for the next page, not tied to a section of it.</summary>
    internal static void Flash(HttpContext context, string kind, string text) => Flash(context, new FlashMessage(kind, null, text));
}
