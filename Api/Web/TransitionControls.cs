using Microsoft.AspNetCore.Http;
using SocialValue.Workflow;
using static SocialValue.Api.Web.Markup;

namespace SocialValue.Api.Web;

/// <summary>
/// A workflow's triggers as controls: permitted ones as buttons (with the fields their guards need), blocked ones
/// greyed with the workflow's own reasons, and every one greyed for a user whose role may not fire it.
/// </summary>
internal static class TransitionControls
{
    public static Markup Render(
        HttpContext context, string id, string action, TransitionOptions options, Func<string, bool> mayFire, Func<string, Markup>? fields = null)
    {
        var permitted = options.Permitted.Select(p => mayFire(p.Trigger)
            ? WebForms.Form(context, action, H($"""
                <input type="hidden" name="trigger" value="{p.Trigger}">{fields?.Invoke(p.Trigger) ?? Empty}
                <button type="submit" data-trigger="{p.Trigger}">{Format.Words(p.Trigger)} → {Format.Words(p.To)}</button>
                """), "transition")
            : H($"""
                <div class="transition"><button type="button" disabled data-trigger="{p.Trigger}" aria-describedby="{id}-{p.Trigger}-why">{Format.Words(p.Trigger)} → {Format.Words(p.To)}</button>
                <p class="why" id="{id}-{p.Trigger}-why">Your role may not do this.</p></div>
                """));
        var blocked = options.Blocked.Select(b => H($"""
            <div class="transition blocked"><button type="button" disabled data-trigger="{b.Trigger}" aria-describedby="{id}-{b.Trigger}-why">{Format.Words(b.Trigger)}</button>
            <ul class="why" id="{id}-{b.Trigger}-why">{b.Reasons.Select(r => H($"<li>{r}</li>"))}</ul></div>
            """));
        return H($"""<div class="transitions" id="{id}">{permitted}{blocked}</div>""");
    }

    /// <summary>The posted form's fields, without the antiforgery token, as a transition request.</summary>
    public static TransitionRequest Request(IFormCollection form, System.Security.Claims.ClaimsPrincipal user) =>
        Workflows.WorkflowApi.Request(
            form.Where(f => f.Key != WebForms.AntiforgeryField && !string.IsNullOrWhiteSpace(f.Value)).Select(f => KeyValuePair.Create(f.Key, f.Value.ToString())),
            user);
}
