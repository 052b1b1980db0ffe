using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Orleans;
using SocialValue.Api.Auth;
using SocialValue.Api.Contracts;
using SocialValue.Api.Web.Components.Pages.Contracts;
using SocialValue.Contracts;

namespace SocialValue.Api.Web.Pages;

/// <summary>
/// Remedies and reward on a live contract (DOMAIN.md "Enforcement and reward"): the commissioner records a performance
/// review, which opens a remedy on each shortfall and flags over-delivery; the supplier proposes a recovery plan; the
/// commissioner accepts, rejects, resolves or escalates it.
/// </summary>
internal static class RemedyPages
{
    public static void MapRemedyPages(this IEndpointRouteBuilder web)
    {
        web.MapGet("/contracts/{id}/remedies", RemediesAsync);
        web.MapPost("/contracts/{id}/performance-reviews", Review);
        web.MapPost("/contracts/{id}/remedies/{remedyId}/transitions", Fire);
    }

    private static async Task<IResult> RemediesAsync(string id, HttpContext context, IGrainFactory grains, ClaimsPrincipal user)
    {
        var (grain, contract) = await ContractsApi.AuthorisedAsync(context, id, ContractsApi.Access.Read);
        var remedies = await grain.GetRemediesAsync();
        var transitions = new Dictionary<string, SocialValue.Workflow.TransitionOptions>();
        foreach (var remedy in remedies)
        {
            transitions[remedy.Id] = await grain.GetRemedyTransitionsAsync(remedy.Id);
        }
        return WebPage.Render<RemediesPage>(context, new
        {
            Contract = contract,
            CommissionerName = await PageNames.OrganisationAsync(grains, contract.OrganisationId),
            Commissioner = user.CanWrite(contract.OrganisationId),
            Supplier = user.IsAdmin() || (user.OrganisationId() is { } organisation && organisation == contract.Award?.SupplierOrganisationId),
            Remedies = remedies,
            Transitions = transitions,
            Reviews = await grain.GetReviewsAsync(),
        });
    }

    private static Task<IResult> Review(string id, HttpContext context, ClaimsPrincipal user) =>
        WebForms.ActAsync(context, $"/contracts/{id}/remedies#reviews", async form =>
        {
            var note = form["demandReduction"].ToString().Trim();
            var grain = await ContractsApi.Authorise(context, id, ContractsApi.Access.Commission);
            var review = await grain.RecordReviewAsync(new NewPerformanceReview(user.Actor(), note.Length == 0 ? [] : [note]), WebForms.IfMatch(form));
            var opened = review.Value.RemediesOpened.Count;
            return $"Performance review recorded: {(opened == 0 ? "no remedy opened" : opened == 1 ? "1 remedy opened" : $"{opened} remedies opened")}"
                + $", {review.Value.Flags.Count} extension {(review.Value.Flags.Count == 1 ? "flag" : "flags")}.";
        });

    private static Task<IResult> Fire(string id, string remedyId, HttpContext context, ClaimsPrincipal user) =>
        WebForms.ActAsync(context, $"/contracts/{id}/remedies#remedy-{remedyId}", async form =>
        {
            var request = WebForms.Transition(form, user, RemediesPage.Irreversible);
            var proposes = request.Trigger == nameof(RemedyTrigger.ProposePlan);
            var grain = await ContractsApi.Authorise(context, id, proposes ? ContractsApi.Access.Propose : ContractsApi.Access.Commission);
            await grain.FireRemedyAsync(remedyId, request, WebForms.IfMatch(form));
            return $"{Format.Words(request.Trigger)} done.";
        });
}
