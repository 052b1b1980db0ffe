using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;
using Orleans;
using SocialValue.Api.Contracts;
using SocialValue.Api.Errors;
using SocialValue.Contracts;
using SocialValue.Errors;
using SocialValue.Frameworks;
using SocialValue.Organisations;

namespace SocialValue.Api.Web.Pages.Officer;

/// <summary>
/// The officer's pages for commissioning: the maturity assessment, a new contract, its specification and planning, the
/// weighting, bids and their scoring, and the verification of returns. Each form goes through the API's access checks and
/// validation to the grains; a refused form is shown again with its errors beside the fields they concern.
/// </summary>
internal static class OfficerPages
{
    public static void MapOfficerPages(this IEndpointRouteBuilder web)
    {
        web.MapAssessmentPages();
        web.MapNewContractPages();
        web.MapSpecificationPages();
        web.MapBidPages();
        web.MapReturnPages();
    }

    /// <summary>
    /// Runs a posted form: on success a redirect to where the action says with its notice; on a refusal (validation,
    /// conflict, blocked transition, stale version) the page again, as <paramref name="show"/> renders it with the refusal,
    /// at the refusal's status. Forbidden and not found stay the API's answers.
    /// </summary>
    public static async Task<IResult> SubmitAsync(
        HttpContext context, string form, Func<IFormCollection, Task<(string Notice, string Then)>> act, Func<Refusal, Task<IResult>> show)
    {
        var posted = await WebForms.ReadAsync(context);
        try
        {
            var (notice, then) = await act(posted);
            WebForms.Flash(context, "notice", notice);
            context.Response.Headers.Remove(HeaderNames.ETag);
            return Results.Redirect(then);
        }
        catch (Exception exception) when (ProblemExceptionHandler.ToProblem(exception) is { Status: >= 400 and < 500 and not 403 and not 404 } problem)
        {
            var (message, errors) = exception switch
            {
                ValidationException invalid => ("Nothing was saved: put right what is marked.", invalid.Errors),
                PreconditionFailedException => (
                    "Nothing was saved: this was changed by someone else since the page was shown. The page now shows it as it is; make your change again.",
                    new Dictionary<string, string[]>()),
                _ => ($"Nothing was saved: {WebErrors.Explain(problem)}", new Dictionary<string, string[]>()),
            };
            context.Response.Headers.Remove(HeaderNames.ETag);
            return await show(new Refusal(form, problem.Status ?? StatusCodes.Status400BadRequest, message, errors, posted));
        }
    }

    /// <summary>
    /// A page of the contract of the route for its commissioner (an Officer of its organisation, or Admin), given the
    /// contract with its commissioner, framework, bids and returns as <c>View</c>.
    /// </summary>
    public static async Task<IResult> ShowContractAsync<TPage>(
        HttpContext context, IGrainFactory grains, string id, Refusal? refusal, Dictionary<string, object?>? more = null)
        where TPage : Microsoft.AspNetCore.Components.IComponent
    {
        var (grain, contract) = await ContractsApi.AuthorisedAsync(context, id, ContractsApi.Access.Commission);
        var commissioner = await grains.GetGrain<IOrganisationGrain>(contract.OrganisationId).GetAsync();
        var framework = contract.FrameworkId is { } frameworkId ? await grains.GetGrain<IFrameworkGrain>(frameworkId).GetAsync() : null;
        var view = new CommissionedContract(contract, commissioner, framework, await grain.GetBidsAsync(), await grain.GetReturnsAsync());
        var parameters = new Dictionary<string, object?>(more ?? []) { ["View"] = view, ["Refusal"] = refusal };
        return Render<TPage>(context, parameters, refusal);
    }

    /// <summary>The contract of the route, once the user may commission it.</summary>
    public static async Task<IContractGrain> CommissionAsync(HttpContext context, string id) =>
        (await ContractsApi.AuthorisedAsync(context, id, ContractsApi.Access.Commission)).Grain;

    /// <summary>Renders <typeparamref name="TPage"/> at the refusal's status, or 200.</summary>
    public static IResult Render<TPage>(HttpContext context, object parameters, Refusal? refusal)
        where TPage : Microsoft.AspNetCore.Components.IComponent =>
        WebPage.Render<TPage>(context, parameters, refusal?.Status ?? StatusCodes.Status200OK);
}

/// <summary>A contract as its commissioner works on it: the contract, who commissions it, its framework, bids and returns.</summary>
public sealed record CommissionedContract(
    ContractDetails Contract, OrganisationDetails Commissioner, FrameworkDetails? Framework, IReadOnlyList<BidDetails> Bids, IReadOnlyList<ReturnDetails> Returns)
{
    public string Id => Contract.Id;

    public IEnumerable<MeasureDetails> Measures => Framework?.Themes.SelectMany(t => t.Outcomes).SelectMany(o => o.Measures) ?? [];

    public MeasureDetails? Measure(string id) => Measures.FirstOrDefault(m => m.Id == id);

    /// <summary>The measures of the specification, in the framework's order.</summary>
    public IReadOnlyList<MeasureDetails> SpecifiedMeasures => [.. Measures.Where(m => Contract.Specification.MeasureIds.Contains(m.Id))];

    /// <summary>A measure's title, or its id when the framework no longer has it.</summary>
    public string MeasureTitle(string id) => Measure(id)?.Title ?? id;

    /// <summary>A quantity of a measure as people write it ("12 people", "£5,000").</summary>
    public string Quantity(string measureId, decimal quantity) => Quantities.Write(quantity, Measure(measureId)?.Unit ?? "number");
}

/// <summary>
/// A refused form post: which form, its status and message, the errors per field and what was posted, so the page shows
/// the form again as it was filled in with each error beside its field.
/// </summary>
public sealed record Refusal(string Form, int Status, string Message, IReadOnlyDictionary<string, string[]> Errors, IFormCollection Posted)
{
    /// <summary>The text of a file the form uploaded, to show it again with its errors.</summary>
    public string? Upload { get; init; }

    /// <summary>The errors of <paramref name="field"/>.</summary>
    public IReadOnlyList<string> For(string field) => Errors.TryGetValue(field, out var messages) ? messages : [];

    /// <summary>The errors of fields not in <paramref name="placed"/>, which the form shows at its top.</summary>
    public IEnumerable<string> Unplaced(IReadOnlyCollection<string> placed) =>
        Errors.Where(e => !placed.Contains(e.Key)).SelectMany(e => e.Value);

    /// <summary>What was posted as <paramref name="name"/>, or null.</summary>
    public string? Value(string name) => Posted.TryGetValue(name, out var value) ? value.ToString() : null;
}

/// <summary>What a page asks of the refusal it may be showing, for one of its forms.</summary>
public static class RefusalOf
{
    /// <summary>The error paragraph's id for <c>aria-describedby</c> when <paramref name="field"/> of <paramref name="form"/> has errors.</summary>
    public static string? DescribedBy(this Refusal? refusal, string form, string field, string id) =>
        refusal.ErrorsOf(form, field).Count > 0 ? id : null;

    /// <summary>The errors of <paramref name="field"/> when <paramref name="form"/> was the form refused, for <c>ErrorBeside</c>.</summary>
    public static IReadOnlyList<string> ErrorsOf(this Refusal? refusal, string form, string field) =>
        refusal is not null && refusal.Form == form ? refusal.For(field) : [];

    /// <summary>What was posted as <paramref name="name"/> when <paramref name="form"/> was the form refused, else <paramref name="shown"/>.</summary>
    public static string? Posted(this Refusal? refusal, string form, string name, string? shown) =>
        refusal is not null && refusal.Form == form ? refusal.Value(name) : shown;

    /// <summary>Whether <paramref name="value"/> was among the posted <paramref name="name"/>s of the refused form, else <paramref name="shown"/>.</summary>
    public static bool Checked(this Refusal? refusal, string form, string name, string value, bool shown) =>
        refusal is not null && refusal.Form == form ? refusal.Posted[name].Contains(value) : shown;
}
