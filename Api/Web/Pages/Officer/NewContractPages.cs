using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Orleans;
using SocialValue.Api.Auth;
using SocialValue.Api.Contracts;
using SocialValue.Api.Web.Components.Pages.Officer;
using SocialValue.Errors;
using SocialValue.Frameworks;
using SocialValue.Indexes;
using SocialValue.Organisations;

namespace SocialValue.Api.Web.Pages.Officer;

/// <summary>Initiating a contract: its title, value and framework (the organisation's adopted one unless another is chosen).</summary>
internal static class NewContractPages
{
    public static void MapNewContractPages(this IEndpointRouteBuilder web)
    {
        web.MapGet("/organisations/{id}/contracts/new", (string id, HttpContext context, IGrainFactory grains, ClaimsPrincipal user) =>
            ShowAsync(id, context, grains, user, null));
        web.MapPost("/organisations/{id}/contracts/new", Create);
    }

    private static async Task<IResult> ShowAsync(string id, HttpContext context, IGrainFactory grains, ClaimsPrincipal user, Refusal? refusal)
    {
        user.EnsureCanWrite(id);
        var organisation = await grains.GetGrain<IOrganisationGrain>(id).GetAsync();
        var index = grains.GetGrain<IFrameworkIndexGrain>(IFrameworkIndexGrain.All);
        var frameworks = await IndexPaging.AllAsync(index.ListAsync);
        return OfficerPages.Render<NewContractPage>(context, new { Organisation = organisation, Frameworks = frameworks, Refusal = refusal }, refusal);
    }

    private static Task<IResult> Create(string id, HttpContext context, IGrainFactory grains, ClaimsPrincipal user) =>
        OfficerPages.SubmitAsync(context, NewContractPage.Form, async form =>
        {
            if (!Quantities.TryRead(form["value"], out var value))
            {
                throw new ValidationException("value", $"'{form["value"]}' is not an amount of money; write it in pounds, e.g. £250,000.");
            }
            var frameworkId = form["frameworkId"].ToString() is { Length: > 0 } chosen ? chosen : null;
            var created = await ContractsApi.CreateAsync(new ContractsApi.CreateContractRequest(null, id, form["title"], value, frameworkId), grains, user);
            return ($"Contract “{created.Title}” initiated.", $"/contracts/{created.Id}");
        }, refusal => ShowAsync(id, context, grains, user, refusal));
}
