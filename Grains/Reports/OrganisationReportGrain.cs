using Microsoft.Extensions.DependencyInjection;
using SocialValue.Contracts;
using SocialValue.Errors;
using SocialValue.Indexes;
using SocialValue.KiteMark;
using SocialValue.Maturity;
using SocialValue.Organisations;

namespace SocialValue.Reports;

public sealed class OrganisationReportGrain([FromKeyedServices(BusinessClock.Key)] TimeProvider time) : KeyedGrain, IOrganisationReportGrain
{
    public async Task<OrganisationReport> GetAsync(int year)
    {
        var organisation = await GrainFactory.GetGrain<IOrganisationGrain>(Key).GetAsync();
        var index = GrainFactory.GetGrain<IContractIndexGrain>(Key);
        var contracts = (await IndexPaging.AllAsync(index.ListAsync)).Where(c => c.OrganisationId == Key).ToList();
        var totals = new List<(ContractSummary Contract, SocialValueTotals Totals)>();
        foreach (var contract in contracts)
        {
            totals.Add((contract, await GrainFactory.GetGrain<IContractGrain>(contract.Id).GetSocialValueAsync(year)));
        }
        var measures = totals
            .SelectMany(t => t.Totals.Measures.Select(m => (Framework: t.Totals.FrameworkId ?? "", Measure: m)))
            .GroupBy(m => (m.Framework, m.Measure.MeasureId))
            .Select(g =>
            {
                var first = g.First().Measure;
                return new ReportMeasure(g.Key.Framework, first.MeasureId, first.Title, first.Unit, first.ThemeId, first.OutcomeId,
                    g.Sum(m => m.Measure.CommittedUnits), g.Sum(m => m.Measure.DeliveredUnits),
                    g.Sum(m => m.Measure.CommittedValue ?? 0), g.Sum(m => m.Measure.DeliveredValue ?? 0), g.Count(m => m.Measure.Unvalued),
                    g.Sum(m => m.Measure.CommittedNetValue ?? 0), g.Sum(m => m.Measure.DeliveredNetValue ?? 0));
            })
            .OrderBy(m => m.FrameworkId).ThenBy(m => m.ThemeId).ThenBy(m => m.MeasureId)
            .ToList();
        var total = new ValueTotal(
            totals.Sum(t => t.Totals.Total.CommittedValue), totals.Sum(t => t.Totals.Total.DeliveredValue), measures.Sum(m => m.UnvaluedContracts),
            totals.Sum(t => t.Totals.Total.CommittedNetValue), totals.Sum(t => t.Totals.Total.DeliveredNetValue));
        return new OrganisationReport(
            Key,
            organisation.Name,
            year,
            time.GetUtcNow(),
            [.. totals.Select(t => new ReportContract(t.Contract.Id, t.Contract.Title, t.Contract.State, t.Contract.FrameworkId,
                t.Totals.Total.CommittedValue, t.Totals.Total.DeliveredValue, t.Totals.Total.UnvaluedMeasures,
                t.Totals.Total.CommittedNetValue, t.Totals.Total.DeliveredNetValue, t.Totals.SocialValueRatio))],
            Groups(totals, t => t.Themes),
            Groups(totals, t => t.Outcomes),
            measures,
            total,
            Ratio(total.DeliveredNetValue, totals.Sum(t => t.Totals.ContractValue)),
            await MaturityAsync(),
            await KiteMarkAsync());
    }

    private static decimal? Ratio(decimal net, decimal contractValue) => contractValue > 0 ? Math.Round(net / contractValue, 4) : null;

    private static List<ReportGroup> Groups(
        IEnumerable<(ContractSummary Contract, SocialValueTotals Totals)> totals, Func<SocialValueTotals, IReadOnlyList<GroupTotal>> select) =>
        [.. totals
            .SelectMany(t => select(t.Totals).Select(g => (Framework: t.Totals.FrameworkId ?? "", Group: g)))
            .GroupBy(g => (g.Framework, g.Group.Id))
            .Select(g => new ReportGroup(
                g.Key.Framework,
                g.Key.Id,
                g.First().Group.Name,
                [.. g.SelectMany(x => x.Group.Units)
                    .GroupBy(u => u.Unit)
                    .Select(u => new UnitTotal(u.Key, u.Sum(x => x.Committed), u.Sum(x => x.Delivered)))],
                g.Sum(x => x.Group.CommittedValue),
                g.Sum(x => x.Group.DeliveredValue),
                g.Sum(x => x.Group.UnvaluedMeasures),
                g.Sum(x => x.Group.CommittedNetValue),
                g.Sum(x => x.Group.DeliveredNetValue)))
            .OrderBy(g => g.FrameworkId).ThenBy(g => g.Id)];

    private async Task<ReportMaturity?> MaturityAsync()
    {
        try
        {
            var maturity = await GrainFactory.GetGrain<IMaturityGrain>(Key).GetAsync();
            return new ReportMaturity(maturity.Overall.Present, maturity.Overall.Target, maturity.AssessedAt, maturity.ReviewDue,
                [.. maturity.Dimensions.Select(d => new DimensionAssessment(d.Code, d.Present, d.Target))]);
        }
        catch (NotFoundException)
        {
            return null;
        }
    }

    private async Task<ReportKiteMark?> KiteMarkAsync() =>
        await GrainFactory.GetGrain<IKiteMarkRegisterGrain>(IKiteMarkRegisterGrain.Register).FindAsync(Key) is { } holder
            ? new ReportKiteMark("Held", holder.ApplicationId, holder.AwardingBodyId, holder.AwardedOn, holder.ValidUntil)
            : null;
}
