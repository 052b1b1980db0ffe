namespace SocialValue.Contracts;

/// <summary>Pure sums over a contract's terms and accepted returns: the social value totals and the performance review.</summary>
public static class SocialValueLedger
{
    public static SocialValueTotals Totals(string contractId, ContractState contract, int? year)
    {
        var measures = contract.Terms.Select(term =>
        {
            var periods = Delivered(contract, term.MeasureId, year).ToList();
            return new MeasureTotal(term.MeasureId, term.Title, term.Unit, term.ThemeId, term.OutcomeId, term.FormulaVersion,
                term.Target, periods.Sum(p => p.Quantity), term.CommittedValue, periods.Sum(p => p.Value), periods);
        }).ToList();
        var outcomes = Group(contract.Terms, measures, t => (t.OutcomeId, t.OutcomeName));
        var themes = Group(contract.Terms, measures, t => (t.ThemeId, t.ThemeName));
        var total = new ValueTotal(measures.Sum(m => m.CommittedValue ?? 0), measures.Sum(m => m.DeliveredValue));
        return new SocialValueTotals(contractId, contract.OrganisationId, contract.Title, contract.FrameworkId, year, measures, outcomes, themes, total);
    }

    public static PerformanceReview Review(string contractId, ContractState contract, decimal threshold, DateTimeOffset at)
    {
        var measures = contract.Terms.Select(term =>
        {
            var delivered = Delivered(contract, term.MeasureId, year: null).Sum(p => p.Quantity);
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

    private static IEnumerable<PeriodValue> Delivered(ContractState contract, string measureId, int? year) =>
        from r in contract.Returns
        where r.Status == ReturnStatus.Accepted && (year is null || Quarter.TryParse(r.Period, out var q) && q.Year == year)
        from line in r.Lines
        where line.MeasureId == measureId
        orderby r.Period
        select new PeriodValue(r.Period, r.Id, line.Quantity, line.Value, line.FormulaVersion, line.ValuedAt);

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
                group.Sum(p => p.Second.DeliveredValue))),
    ];
}
