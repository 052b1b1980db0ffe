using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Orleans;
using SocialValue.Api.Auth;
using SocialValue.Api.Contracts;
using SocialValue.Api.Web.Components.Pages.Officer;
using SocialValue.Errors;
using SocialValue.Indexes;
using SocialValue.Organisations;

namespace SocialValue.Api.Web.Pages.Officer;

/// <summary>Bids: entered one by one or uploaded as CSV while Tendering, compared side by side and scored in Evaluation.</summary>
internal static class BidPages
{
    public static void MapBidPages(this IEndpointRouteBuilder web)
    {
        web.MapGet("/contracts/{id}/bids/new", (string id, HttpContext context, IGrainFactory grains) => ShowEntryAsync(id, context, grains, null));
        web.MapPost("/contracts/{id}/bids/new", Enter);
        web.MapPost("/contracts/{id}/bids/import", Import);
        web.MapGet("/contracts/{id}/bids", (string id, HttpContext context, IGrainFactory grains) =>
            OfficerPages.ShowContractAsync<BidsPage>(context, grains, id, null));
        web.MapPost("/contracts/{id}/bids/{bidId}/scores", Score);
    }

    private static async Task<IResult> ShowEntryAsync(string id, HttpContext context, IGrainFactory grains, Refusal? refusal)
    {
        await OfficerPages.CommissionAsync(context, id);
        var index = grains.GetGrain<IOrganisationIndexGrain>(IOrganisationIndexGrain.All);
        var organisations = await IndexPaging.AllAsync(index.ListAsync);
        return await OfficerPages.ShowContractAsync<BidEntryPage>(context, grains, id, refusal, new() { ["Organisations"] = organisations });
    }

    private static Task<IResult> Enter(string id, HttpContext context, IGrainFactory grains, ClaimsPrincipal user) =>
        OfficerPages.SubmitAsync(context, BidEntryPage.Form, async form =>
        {
            var grain = await OfficerPages.CommissionAsync(context, id);
            var contract = await grain.GetAsync();
            var measures = contract.Specification.MeasureIds;
            var unreadable = new Dictionary<string, string[]>();
            var commitments = new List<ContractsApi.CommitmentRequest>();
            foreach (var measure in measures)
            {
                var inputs = new Dictionary<string, decimal>(StringComparer.Ordinal);
                foreach (var field in form.Keys.Where(k => k.StartsWith(BidEntryPage.InputsOf(measure), StringComparison.Ordinal)))
                {
                    if (!Quantities.TryRead(form[field], out var input))
                    {
                        unreadable[field] = [$"'{form[field]}' is not a number."];
                    }
                    else if (input is not null)
                    {
                        inputs[field[BidEntryPage.InputsOf(measure).Length..]] = input.Value;
                    }
                }
                if (!Quantities.TryRead(form[$"target-{measure}"], out var target))
                {
                    unreadable[$"target-{measure}"] = [$"'{form[$"target-{measure}"]}' is not a number."];
                }
                else if (target is not null)
                {
                    commitments.Add(new ContractsApi.CommitmentRequest(measure, target, inputs.Count > 0 ? inputs : null));
                }
            }
            if (!Quantities.TryRead(form["price"], out var price))
            {
                unreadable["price"] = [$"'{form["price"]}' is not an amount of money; write it in pounds, e.g. £240,000."];
            }
            if (unreadable.Count > 0)
            {
                throw new ValidationException(unreadable);
            }
            var organisation = form["supplierOrganisationId"].ToString() is { Length: > 0 } chosen ? chosen : null;
            var request = new ContractsApi.BidRequest(null, form["supplier"], organisation, price, commitments,
                new ContractsApi.AnswersRequest(form["delivery"], form["measurement"]));
            try
            {
                var bid = (await grain.SubmitBidsAsync([request.Validate()], WebForms.IfMatch(form))).Value[0];
                return ($"Bid from {bid.Supplier} entered.", $"/contracts/{id}/bids");
            }
            catch (ValidationException invalid)
            {
                // The API names a commitment by its place in the list; the page names it by the measure's field.
                throw new ValidationException(invalid.Errors.ToDictionary(
                    e => e.Key.StartsWith("commitments[", StringComparison.Ordinal)
                        ? $"target-{commitments[int.Parse(e.Key[12..e.Key.IndexOf(']')], System.Globalization.CultureInfo.InvariantCulture)].MeasureId}"
                        : e.Key,
                    e => e.Value));
            }
        }, refusal => ShowEntryAsync(id, context, grains, refusal));

    private static async Task<IResult> Import(string id, HttpContext context, IGrainFactory grains)
    {
        string? text = null;
        return await OfficerPages.SubmitAsync(context, BidEntryPage.ImportForm, async form =>
        {
            if (form.Files.GetFile("file") is not { Length: > 0 } file)
            {
                throw new ValidationException("file", "Choose a CSV file of bids to upload.");
            }
            using (var reader = new StreamReader(file.OpenReadStream()))
            {
                text = await reader.ReadToEndAsync(context.RequestAborted);
            }
            var bids = BidCsv.Parse(text);
            var grain = await OfficerPages.CommissionAsync(context, id);
            var created = (await grain.SubmitBidsAsync(bids, WebForms.IfMatch(form))).Value;
            return ($"{created.Count} bid(s) imported from {file.FileName}.", $"/contracts/{id}/bids");
        }, refusal => ShowEntryAsync(id, context, grains, refusal with { Upload = text }));
    }

    private static Task<IResult> Score(string id, string bidId, HttpContext context, IGrainFactory grains, ClaimsPrincipal user) =>
        OfficerPages.SubmitAsync(context, BidsPage.ScoreForm(bidId), async form =>
        {
            var scores = new Dictionary<string, string[]>();
            decimal? Read(string field)
            {
                if (!Quantities.TryRead(form[field], out var value))
                {
                    scores[field] = [$"'{form[field]}' is not a score; give a number from 0 to 5."];
                }
                return value;
            }
            var request = new ContractsApi.ScoresRequest(Read("delivery"), Read("measurement"));
            if (scores.Count > 0)
            {
                throw new ValidationException(scores);
            }
            var grain = await OfficerPages.CommissionAsync(context, id);
            var bid = (await grain.ScoreBidAsync(bidId, request.Validate(), user.Actor(), WebForms.IfMatch(form))).Value;
            return ($"Bid from {bid.Supplier} scored.", $"/contracts/{id}/bids#answers-{bidId}");
        }, refusal => OfficerPages.ShowContractAsync<BidsPage>(context, grains, id, refusal));
}
