using SocialValue.Frameworks;

namespace SocialValue.Contracts;

/// <summary>Pure sums over a contract's terms and accepted returns: the social value totals and the performance review.</summary>
/// <remarks>
/// Pounds are never invented: a line the formula could not value (no proxy value in force) counts in units only, and
/// every £ total says how many measures it leaves out. Figures that do not add up across periods (a share, a change on
/// the previous year) are taken from the latest period instead of being summed. £ come gross and net of the SROI
/// adjustments (see <see cref="Sroi"/>); each return line is netted on its own, as the value of its year.
/// </remarks>
public static class SocialValueLedger
{
    public static SocialValueTotals Totals(string contractId, ContractState contract, int? year, decimal discountRate)
    {
        var measures = contract.Terms
            .Select(term => Measure(term, contract.AdjustmentsOf(term), Delivered(contract, term.MeasureId, year).ToList(), discountRate))
            .ToList();
        var outcomes = Group(contract.Terms, measures, t => (t.OutcomeId, t.OutcomeName));
        var themes = Group(contract.Terms, measures, t => (t.ThemeId, t.ThemeName));
        var total = new ValueTotal(
            measures.Sum(m => m.CommittedValue ?? 0), measures.Sum(m => m.DeliveredValue ?? 0), measures.Count(m => m.Unvalued),
            measures.Sum(m => m.CommittedNetValue ?? 0), measures.Sum(m => m.DeliveredNetValue ?? 0));
        decimal? ratio = contract.Value > 0 ? Math.Round(total.DeliveredNetValue / contract.Value, 4) : null;
        return new SocialValueTotals(contractId, contract.OrganisationId, contract.Title, contract.FrameworkId, year, measures, outcomes, themes,
            total, contract.Value, ratio);
    }

    public static PerformanceReview Review(string contractId, ContractState contract, decimal threshold, DateTimeOffset at)
    {
        var measures = contract.Terms.Select(term =>
        {
            var delivered = DeliveredUnits(term, Delivered(contract, term.MeasureId, year: null).ToList());
            decimal? share = Share(delivered, term.Target);
            var shortfall = delivered < term.Target * (1 - threshold);
            return new MeasurePerformance(term.MeasureId, term.Title, term.Unit, term.Target, delivered, share, shortfall);
        }).ToList();
        var overdue = contract.ReturnsDue.Where(d => d.Status == ReturnDueStatus.Overdue).Select(d => d.Period).ToList();
        return new PerformanceReview(contractId, contract.Status, at, threshold, measures.Any(m => m.Shortfall), measures, overdue);
    }

    /// <summary>
    /// Delivered as a share of the target, to four places; none when there is no target, or when a target tiny beside
    /// what was delivered (0.0000001 against a million) makes a share too large to hold, which says nothing anyway.
    /// </summary>
    private static decimal? Share(decimal delivered, decimal target)
    {
        if (target == 0)
        {
            return null;
        }
        try
        {
            return Math.Round(delivered / target, 4);
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    private static MeasureTotal Measure(SocialValueTerm term, SroiAdjustments? adjustments, IReadOnlyList<PeriodValue> periods, decimal discountRate)
    {
        var valued = periods.Where(p => p.Gbp is not null).ToList();
        var unvaluedPeriods = periods.Count - valued.Count;
        // With no valued line, delivered £ is null when a line was delivered without £ or the measure has no valuation at
        // all, and £0 for a valued measure that has delivered nothing yet.
        var noPounds = periods.Count > 0 || term.CommittedValue is null;
        decimal? delivered = valued.Count > 0 ? valued.Sum(p => p.Gbp!.Value) : noPounds ? null : 0;
        decimal? deliveredNet = valued.Count > 0 ? valued.Sum(p => Sroi.Net(p.Gbp!.Value, adjustments, discountRate)) : noPounds ? null : 0;
        decimal? committedNet = term.CommittedValue is { } committed ? Sroi.Net(committed, adjustments, discountRate) : null;
        return new MeasureTotal(term.MeasureId, term.Title, term.Unit, term.Direction, term.ThemeId, term.OutcomeId, term.FormulaVersion,
            term.Target, DeliveredUnits(term, periods), term.CommittedValue, delivered, unvaluedPeriods,
            term.CommittedValue is null || unvaluedPeriods > 0, periods, committedNet, deliveredNet, adjustments);
    }

    private static decimal DeliveredUnits(SocialValueTerm term, IReadOnlyList<PeriodValue> periods) =>
        MeasureFigure.Adds(term.Figure) ? periods.Sum(p => p.Units) : periods.Count > 0 ? periods[^1].Units : 0;

    private static IEnumerable<PeriodValue> Delivered(ContractState contract, string measureId, int? year) =>
        from r in contract.Returns
        where r.Status == ReturnStatus.Accepted && (year is null || Quarter.TryParse(r.Period, out var q) && q.Year == year)
        from line in r.Lines
        where line.MeasureId == measureId
        orderby r.Period
        select new PeriodValue(r.Period, r.Id, line.Quantity, line.Units, line.Gbp, line.FormulaVersion, line.ValuedAt);

    private static List<GroupTotal> Group(
        IReadOnlyList<SocialValueTerm> terms, IReadOnlyList<MeasureTotal> measures, Func<SocialValueTerm, (string Id, string Name)> key) =>
    [
        .. terms.Zip(measures)
            .GroupBy(pair => key(pair.First))
            .Select(group => new GroupTotal(
                group.Key.Id,
                group.Key.Name,
                [.. group.GroupBy(p => p.Second.Unit).Select(u => new UnitTotal(u.Key, u.Sum(p => p.Second.CommittedUnits), u.Sum(p => p.Second.DeliveredUnits)))],
                group.Sum(p => p.Second.CommittedValue ?? 0),
                group.Sum(p => p.Second.DeliveredValue ?? 0),
                group.Count(p => p.Second.Unvalued),
                group.Sum(p => p.Second.CommittedNetValue ?? 0),
                group.Sum(p => p.Second.DeliveredNetValue ?? 0))),
    ];
}
