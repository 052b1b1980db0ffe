using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Orleans;
using SocialValue.Api.Auth;
using SocialValue.Api.Contracts;
using SocialValue.Api.Web.Components.Pages.Contracts;

namespace SocialValue.Api.Web.Pages;

/// <summary>A contract: the commissioning cycle drawn, its transitions, specification, ranked bids, returns and their verification.</summary>
internal static class ContractPages
{
    public static void MapContractPages(this IEndpointRouteBuilder web)
    {
        web.MapGet("/contracts/{id}", ContractAsync);
        web.MapPost("/contracts/{id}/transitions", Fire);
        web.MapPost("/contracts/{id}/returns/{returnId}/verification", Verify);
    }

    private static async Task<IResult> ContractAsync(string id, HttpContext context, IGrainFactory grains, ClaimsPrincipal user)
    {
        var (grain, contract) = await ContractsApi.AuthorisedAsync(context, id, ContractsApi.Access.Read);
        var commissioner = user.CanWrite(contract.OrganisationId);
        var readsBids = commissioner || user.IsAdmin() || user.OrganisationId() == contract.OrganisationId;
        var framework = contract.FrameworkId is null ? null : await PageNames.FrameworkOrNullAsync(grains, contract.FrameworkId);
        var outcomes = framework?.Themes.SelectMany(t => t.Outcomes).ToList() ?? [];
        return WebPage.Render<ContractPage>(context, new
        {
            Contract = contract,
            CommissionerName = await PageNames.OrganisationAsync(grains, contract.OrganisationId),
            FrameworkName = framework?.Name ?? contract.FrameworkId,
            Commissioner = commissioner,
            ReadsBids = readsBids,
            Transitions = await grain.GetTransitionsAsync(),
            Outcomes = outcomes.ToDictionary(o => o.Id, o => o.Name),
            Measures = outcomes.SelectMany(o => o.Measures).ToDictionary(m => m.Id, m => (m.Title, m.Unit)),
            Bids = readsBids ? await grain.GetBidsAsync() : [],
            Returns = await grain.GetReturnsAsync(),
            Totals = contract.Terms.Count == 0 ? null : await grain.GetSocialValueAsync(null),
        });
    }

    private static Task<IResult> Fire(string id, HttpContext context, ClaimsPrincipal user) =>
        WebForms.ActAsync(context, $"/contracts/{id}#transitions", async form =>
        {
            var request = WebForms.Transition(form, user, ContractPage.Irreversible);
            await ContractsApi.FireAsync(context, id, request, WebForms.IfMatch(form));
            return $"{Format.Words(request.Trigger)} done.";
        });

    private static Task<IResult> Verify(string id, string returnId, HttpContext context) =>
        WebForms.ActAsync(context, $"/contracts/{id}#return-{returnId}", async form =>
        {
            var accepted = form["accepted"] == "true";
            WebForms.EnsureConfirmed(form, !accepted, "Rejecting a return");
            var comment = form["comment"].ToString();
            await ContractsApi.VerifyReturnAsync(context, id, returnId,
                new ContractsApi.VerificationRequest(accepted, comment.Length == 0 ? null : comment), WebForms.IfMatch(form));
            return accepted ? "Return accepted." : "Return rejected.";
        });
}
