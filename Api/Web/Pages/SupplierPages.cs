using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using SocialValue.Api.Auth;
using SocialValue.Api.Contracts;
using SocialValue.Contracts;
using SocialValue.Errors;
using SocialValue.Frameworks;
using SocialValue.Indexes;
using SocialValue.Keys;
using SocialValue.Organisations;
using SupplierHome = SocialValue.Api.Web.Components.Pages.Supplier.SupplierHomePage;
using SupplierContract = SocialValue.Api.Web.Components.Pages.Supplier.SupplierContractPage;

namespace SocialValue.Api.Web.Pages;

/// <summary>
/// The supplier's work: the contracts its organisation won, with the quarterly returns due and overdue, and a return form
/// for each quarter awaiting one. Access and validation are the REST API's (ContractsApi).
/// </summary>
internal static class SupplierPages
{
    public static void MapSupplierPages(this IEndpointRouteBuilder web)
    {
        web.MapGet("/suppliers/{organisationId}", Home);
        web.MapGet("/suppliers/{organisationId}/contracts/{contractId}", Contract);
        web.MapPost("/suppliers/{organisationId}/contracts/{contractId}/returns", SubmitReturn);
    }

    private static async Task<IResult> Home(string organisationId, HttpContext context, IGrainFactory grains, ClaimsPrincipal user, TimeProvider time)
    {
        user.EnsureCanRead(organisationId);
        var organisation = await grains.GetGrain<IOrganisationGrain>(organisationId).GetAsync();
        // The organisation's contract index holds the contracts it won beside those it commissions.
        var index = grains.GetGrain<IContractIndexGrain>(organisationId);
        var won = (await IndexPaging.AllAsync(index.ListAsync)).Where(c => c.SupplierOrganisationId == organisationId);
        var now = time.GetUtcNow();
        var contracts = new List<SupplierHome.WonContract>();
        foreach (var summary in won)
        {
            var (grain, contract) = await ContractsApi.AuthorisedAsync(context, summary.Id, ContractsApi.Access.Read);
            contracts.Add(new(contract, await PageNames.OrganisationAsync(grains, contract.OrganisationId),
                AwaitedReturns.Of(contract, await grain.GetReturnsAsync(), now)));
        }
        return WebPage.Render<SupplierHome>(context, new { Organisation = organisation, Contracts = contracts });
    }

    private static async Task<IResult> Contract(string organisationId, string contractId, HttpContext context, TimeProvider time)
    {
        var (grain, contract) = await WonContractAsync(context, organisationId, contractId);
        return await RenderAsync(context, organisationId, grain, contract, time, posted: null);
    }

    private static async Task<IResult> SubmitReturn(string organisationId, string contractId, HttpContext context, ClaimsPrincipal user, TimeProvider time)
    {
        var form = await WebForms.ReadAsync(context);
        var (grain, contract) = await WonContractAsync(context, organisationId, contractId);
        var period = form["period"].ToString();
        var unreadable = new Dictionary<string, string[]>();
        var lines = contract.Terms.Select((term, i) => new ContractsApi.ReturnLineRequest(
            form[$"lines[{i}].measureId"].ToString(),
            Quantity(form[$"lines[{i}].quantity"].ToString(), $"lines[{i}].quantity", unreadable),
            Inputs(form, $"lines[{i}].inputs.", unreadable),
            form[$"lines[{i}].evidence"].ToString() is { Length: > 0 } evidence ? evidence.Trim() : null)).ToList();
        try
        {
            var newReturn = Validated(new ContractsApi.ReturnRequest(null, period, lines), user.Actor(), unreadable);
            await ContractsApi.AuthorisedAsync(context, contractId, ContractsApi.Access.Return);
            var submitted = await grain.SubmitReturnAsync(newReturn, WebForms.IfMatch(form));
            WebForms.Flash(context, "notice", $"Return for {submitted.Value.Period} submitted; the commissioner will verify it.");
            return Results.Redirect($"/suppliers/{organisationId}/contracts/{contractId}#return-{submitted.Value.Id}");
        }
        catch (ValidationException refused)
        {
            return await RenderAsync(context, organisationId, grain, contract, time,
                new PostedForm(period, form, refused.Errors), StatusCodes.Status422UnprocessableEntity);
        }
        catch (ConflictException refused)
        {
            return await RenderAsync(context, organisationId, grain, await grain.GetAsync(), time,
                new PostedForm(period, form, new Dictionary<string, string[]>(), refused.Message), StatusCodes.Status409Conflict);
        }
    }

    /// <summary>The REST API's validation of the return, with the numbers the form could not read named as such.</summary>
    private static NewReturn Validated(ContractsApi.ReturnRequest request, string actor, Dictionary<string, string[]> unreadable)
    {
        try
        {
            var newReturn = request.Validate(actor);
            return unreadable.Count == 0 ? newReturn : throw new ValidationException(unreadable);
        }
        catch (ValidationException refused) when (unreadable.Count > 0)
        {
            throw new ValidationException(refused.Errors.Where(e => !unreadable.ContainsKey(e.Key)).Concat(unreadable)
                .ToDictionary(e => e.Key, e => e.Value));
        }
    }

    private static decimal? Quantity(string text, string field, Dictionary<string, string[]> unreadable, string what = "the quantity delivered")
    {
        if (text.Length == 0)
        {
            return null;
        }
        if (decimal.TryParse(text.Replace(",", "", StringComparison.Ordinal), NumberStyles.Number, CultureInfo.InvariantCulture, out var quantity))
        {
            return quantity;
        }
        unreadable[field] = [$"'{text}' is not a number; write {what} in figures, e.g. 4 or 2.5."];
        return null;
    }

    /// <summary>The named inputs of a line (fields <c>lines[i].inputs.name</c>) that were filled in; none when none were.</summary>
    private static Dictionary<string, decimal>? Inputs(IFormCollection form, string prefix, Dictionary<string, string[]> unreadable)
    {
        var inputs = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var field in form.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)))
        {
            if (Quantity(form[field].ToString().Trim(), field, unreadable, "this input") is { } value)
            {
                inputs[field[prefix.Length..]] = value;
            }
        }
        return inputs.Count > 0 ? inputs : null;
    }

    /// <summary>A contract the organisation won, read under the REST API's access rule; 404 for any other contract.</summary>
    private static async Task<(IContractGrain Grain, ContractDetails Contract)> WonContractAsync(HttpContext context, string organisationId, string contractId)
    {
        context.User.EnsureCanRead(organisationId);
        var (grain, contract) = await ContractsApi.AuthorisedAsync(context, contractId, ContractsApi.Access.Read);
        return contract.Award?.SupplierOrganisationId == organisationId
            ? (grain, contract)
            : throw new NotFoundException($"'{organisationId}' did not win contract '{contractId}'.");
    }

    private static async Task<IResult> RenderAsync(
        HttpContext context, string organisationId, IContractGrain grain, ContractDetails contract, TimeProvider time, PostedForm? posted,
        int status = StatusCodes.Status200OK)
    {
        var user = context.User;
        var returns = await grain.GetReturnsAsync();
        var grains = context.RequestServices.GetRequiredService<IGrainFactory>();
        var inputs = new Dictionary<string, IReadOnlyList<string>>();
        if (contract.FrameworkId is { } frameworkId)
        {
            var framework = grains.GetGrain<IFrameworkGrain>(frameworkId);
            foreach (var term in contract.Terms)
            {
                inputs[term.MeasureId] = await framework.GetInputsAsync(term.MeasureId, term.FormulaVersion);
            }
        }
        var mayReturn = contract.State == ContractStatus.Live
            && ((user.Role() == Role.Supplier && user.OrganisationId() == organisationId) || user.CanWrite(contract.OrganisationId));
        return WebPage.Render<SupplierContract>(context, new
        {
            OrganisationId = organisationId,
            Contract = contract,
            CommissionerName = await PageNames.OrganisationAsync(grains, contract.OrganisationId),
            Returns = returns,
            Awaited = AwaitedReturns.Of(contract, returns, time.GetUtcNow()),
            MayReturn = mayReturn,
            InputsRead = inputs,
            Posted = posted,
        }, status);
    }
}

/// <summary>A quarter that awaits the supplier's return: due, overdue, or rejected and to be sent again.</summary>
public sealed record AwaitedReturn(string Period, DateTimeOffset DueAt, bool Overdue, ReturnDetails? Rejected);

internal static class AwaitedReturns
{
    /// <summary>The quarters that fell due and have no return that stands (submitted or accepted), oldest first.</summary>
    public static IReadOnlyList<AwaitedReturn> Of(ContractDetails contract, IReadOnlyList<ReturnDetails> returns, DateTimeOffset now) =>
        [.. contract.ReturnsDue
            .Where(due => !returns.Any(r => r.Period == due.Period && r.Status != ReturnStatus.Rejected))
            .Select(due => new AwaitedReturn(due.Period, due.DueAt, due.Status == ReturnDueStatus.Overdue || due.DueAt <= now,
                returns.LastOrDefault(r => r.Period == due.Period)))];
}
