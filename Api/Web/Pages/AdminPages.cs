using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Orleans;
using SocialValue.Api.ApiKeys;
using SocialValue.Api.KiteMark;
using SocialValue.Api.Organisations;
using SocialValue.Indexes;
using SocialValue.Keys;
using SocialValue.KiteMark;
using SocialValue.Organisations;
using SocialValue.Api.Web.Components.Pages.Admin;
using AdminComponents = SocialValue.Api.Web.Components.Pages.Admin;

namespace SocialValue.Api.Web.Pages;

/// <summary>
/// The administrator's pages: organisations, keys (a new key is shown once), Kite Mark nominations, and the way to the
/// Orleans and Hangfire dashboards. Every change goes through the same validation, access checks and grains as the REST
/// API (<see cref="OrganisationsApi.CreateAsync"/>, <see cref="KeyIssuing"/>, <see cref="Nominations"/>).
/// </summary>
internal static class AdminPages
{
    private const string Home = AdminPaths.Home;
    private const string Keys = AdminPaths.Keys;
    private const string NominationsPath = AdminPaths.Nominations;

    // A new key travels from the post that issued it to the page that shows it once in a cookie only this service can read.
    private const string NewKeyCookie = "sv_new_key";
    private const string NewKeyPurpose = "SocialValue.Web.NewKey";

    public static void MapAdminPages(this IEndpointRouteBuilder admin)
    {
        admin.MapGet(Home, async (HttpContext context, IGrainFactory grains) =>
            WebPage.Render<AdminComponents.AdminHome>(context, new { Organisations = await OrganisationsAsync(grains) }));
        admin.MapPost("/admin/organisations", (HttpContext context, IGrainFactory grains) =>
            WebForms.ActAsync(context, Home, async form =>
            {
                var created = await OrganisationsApi.CreateAsync(grains, Request(form, form["id"].ToString() is { Length: > 0 } id ? id : null));
                return $"{created.Name} is registered as '{created.Id}'.";
            }));
        admin.MapGet("/admin/organisations/{id}", async (string id, HttpContext context, IGrainFactory grains) =>
            WebPage.Render<AdminComponents.OrganisationEdit>(context, new { Organisation = await grains.GetGrain<IOrganisationGrain>(Slugged(id)).GetAsync() }));
        admin.MapPost("/admin/organisations/{id}", (string id, HttpContext context, IGrainFactory grains) =>
            WebForms.ActAsync(context, $"/admin/organisations/{id}", async form =>
            {
                var updated = await OrganisationsApi.UpdateAsync(grains, context.User, id, Request(form, null), WebForms.IfMatch(form));
                return $"{updated.Name} is saved.";
            }));

        admin.MapGet(Keys, async (HttpContext context, IGrainFactory grains, IDataProtectionProvider protection) =>
        {
            context.Response.Headers.CacheControl = "no-store";
            return WebPage.Render<AdminComponents.KeysAdmin>(context, new { NewKey = TakeNewKey(context, protection), Organisations = await OrganisationsAsync(grains) });
        });
        admin.MapPost(Keys, (HttpContext context, IGrainFactory grains, IDataProtectionProvider protection) =>
            WebForms.ActAsync(context, Keys, async form =>
            {
                var role = Enum.TryParse<Role>(form["role"], out var r) && Enum.IsDefined(r) ? r : (Role?)null;
                var organisationId = form["organisationId"].ToString() is { Length: > 0 } o ? o : null;
                var issued = await KeyIssuing.IssueAsync(grains, form["name"].ToString().Trim(), role, organisationId);
                KeepNewKey(context, protection, issued);
                return $"A {issued.Details.Role} key '{issued.Details.Name}' is issued.";
            }));
        admin.MapGet("/admin/keys/find", (HttpContext context) =>
            Results.Redirect($"{Keys}/{Uri.EscapeDataString(context.Request.Query["id"].ToString().Trim())}"));
        admin.MapGet("/admin/keys/{id}", async (string id, HttpContext context, IGrainFactory grains) =>
            WebPage.Render<AdminComponents.KeyPage>(context, new { Key = await KeysApi.Key(grains, id).GetAsync() }));
        admin.MapGet("/admin/keys/{id}/revoke", async (string id, HttpContext context, IGrainFactory grains) =>
            WebPage.Render<AdminComponents.KeyPage>(context, new { Key = await KeysApi.Key(grains, id).GetAsync(), Confirm = true }));
        admin.MapPost("/admin/keys/{id}/revoke", (string id, HttpContext context, IGrainFactory grains) =>
            WebForms.ActAsync(context, $"{Keys}/{id}", async form =>
            {
                var revoked = await KeysApi.Key(grains, id).RevokeAsync(WebForms.IfMatch(form));
                return $"The key '{revoked.Name}' is revoked: sessions signed in with it have ended.";
            }));

        admin.MapGet(NominationsPath, async (HttpContext context, IGrainFactory grains) =>
        {
            var nominations = await IndexPaging.AllAsync((after, limit) =>
                grains.GetGrain<IKiteMarkNominationsGrain>(IKiteMarkNominationsGrain.All).ListAsync(after, limit));
            return WebPage.Render<AdminComponents.NominationsAdmin>(context, new { Nominations = nominations, Organisations = await OrganisationsAsync(grains) });
        });
        admin.MapPost(NominationsPath, (HttpContext context, IGrainFactory grains, TimeProvider time) =>
            WebForms.ActAsync(context, NominationsPath, async form =>
            {
                var nominated = await Nominations.NominateAsync(
                    grains, context.User, time, form["organisationId"].ToString(), NonEmpty(form["nominatedBy"]), WebForms.IfMatch(form));
                return $"'{nominated.Value.OrganisationId}' is nominated by '{nominated.Value.NominatedBy}'.";
            }));
        admin.MapPost("/admin/nominations/{organisationId}/remove", (string organisationId, HttpContext context, IGrainFactory grains) =>
            WebForms.ActAsync(context, NominationsPath, async form =>
            {
                await Nominations.WithdrawAsync(grains, context.User, organisationId, WebForms.IfMatch(form));
                return $"The nomination of '{organisationId}' is removed.";
            }));
    }

    /// <summary>The organisations an administrator picks from, by name (the first thousand).</summary>
    private static async Task<IReadOnlyList<OrganisationSummary>> OrganisationsAsync(IGrainFactory grains) =>
        (await grains.GetGrain<IOrganisationIndexGrain>(IOrganisationIndexGrain.All).ListAsync(null, IndexPaging.MaxLimit)).Items;

    private static OrganisationsApi.OrganisationRequest Request(IFormCollection form, string? id) => new(
        id,
        NonEmpty(form["name"]),
        Enum.TryParse<OrganisationType>(form["type"], out var type) && Enum.IsDefined(type) ? type : null,
        NonEmpty(form["place"]));

    private static string? NonEmpty(Microsoft.Extensions.Primitives.StringValues value) => value.ToString() is { Length: > 0 } text ? text : null;

    private static string Slugged(string id) =>
        Ids.Slug.IsValid(id) ? id : throw new SocialValue.Errors.NotFoundException($"There is no organisation '{id}'.");

    private static void KeepNewKey(HttpContext context, IDataProtectionProvider protection, IssuedKey issued) =>
        context.Response.Cookies.Append(NewKeyCookie, protection.CreateProtector(NewKeyPurpose).Protect($"{issued.Details.Id}\n{issued.Key}"),
            new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Strict, Path = Keys, IsEssential = true, MaxAge = TimeSpan.FromMinutes(5) });

    /// <summary>The key issued by the last post, once: the cookie is removed as it is read.</summary>
    private static AdminComponents.NewKey? TakeNewKey(HttpContext context, IDataProtectionProvider protection)
    {
        if (context.Request.Cookies[NewKeyCookie] is not { } cookie)
        {
            return null;
        }
        context.Response.Cookies.Delete(NewKeyCookie, new CookieOptions { Path = Keys });
        try
        {
            var parts = protection.CreateProtector(NewKeyPurpose).Unprotect(cookie).Split('\n');
            return new AdminComponents.NewKey(parts[0], parts[1]);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }
}
