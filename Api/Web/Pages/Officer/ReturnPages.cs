using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Orleans;
using SocialValue.Api.Auth;
using SocialValue.Api.Contracts;
using SocialValue.Api.Web.Components.Pages.Officer;

namespace SocialValue.Api.Web.Pages.Officer;

/// <summary>The commissioner verifies returns: each return with its lines and the verification form beside it.</summary>
internal static class ReturnPages
{
    public static void MapReturnPages(this IEndpointRouteBuilder web)
    {
        web.MapGet("/contracts/{id}/returns", (string id, HttpContext context, IGrainFactory grains) =>
            OfficerPages.ShowContractAsync<ReturnsPage>(context, grains, id, null));
        web.MapPost("/contracts/{id}/returns/{returnId}/verify", Verify);
    }

    private static Task<IResult> Verify(string id, string returnId, HttpContext context, IGrainFactory grains, ClaimsPrincipal user) =>
        OfficerPages.SubmitAsync(context, ReturnsPage.VerifyForm(returnId), async form =>
        {
            var accepted = form["accepted"] == "true";
            var comment = form["comment"].ToString().Trim() is { Length: > 0 } given ? given : null;
            new ContractsApi.VerificationRequest(accepted, comment).Validate();
            var grain = await OfficerPages.CommissionAsync(context, id);
            var verified = (await grain.VerifyReturnAsync(returnId, accepted, comment, user.Actor(), WebForms.IfMatch(form))).Value;
            return ($"Return for {verified.Period} {(accepted ? "accepted" : "rejected")}.", $"/contracts/{id}/returns#return-{returnId}");
        }, refusal => OfficerPages.ShowContractAsync<ReturnsPage>(context, grains, id, refusal));
}
