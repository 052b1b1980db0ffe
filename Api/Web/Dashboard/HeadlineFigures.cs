using Orleans;
using SocialValue.Contracts;
using SocialValue.Errors;
using SocialValue.Indexes;
using SocialValue.KiteMark;
using SocialValue.Maturity;

namespace SocialValue.Api.Web.Dashboard;

/// <summary>A contract's state at a glance; the rule is <see cref="HeadlineFigures.RagRule"/>.</summary>
public enum Rag
{
    Green,
    Amber,
    Red,
}

/// <summary>One contract's line of the headline: its red/amber/green state and why.</summary>
public sealed record ContractRag(string Id, string Title, bool WeSupply, Rag State, IReadOnlyList<string> Reasons);

/// <summary>
/// The Kite Mark at a glance: <see cref="Status"/> is "Held", "Expired" or "Not held"; <see cref="ExpiresSoon"/> when a
/// held award runs out within <see cref="HeadlineFigures.Window"/> days.
/// </summary>
public sealed record KiteMarkGlance(string Status, DateTimeOffset? ValidUntil, bool ExpiresSoon);

/// <summary>
/// The figures an organisation's dashboard opens with. £ cover only what is valued (<see cref="UnvaluedMeasures"/>
/// contract measures are left out of them); units are summed per unit across the contracts the organisation commissions,
/// and <see cref="Themes"/> gives the same £ theme by theme for the dashboard's chart.
/// </summary>
public sealed record HeadlineModel(
    decimal CommittedGross,
    decimal DeliveredGross,
    decimal CommittedNet,
    decimal DeliveredNet,
    int UnvaluedMeasures,
    IReadOnlyList<UnitTotal> Units,
    int CommitmentsMet,
    int Commitments,
    int ActionsOverdue,
    int ActionsDueSoon,
    DateOnly? NextActionDue,
    int ReturnsOverdue,
    int ReturnsDue,
    DateTimeOffset? NextReturnDue,
    KiteMarkGlance KiteMark,
    IReadOnlyList<ContractRag> Contracts,
    IReadOnlyList<(string Name, decimal Committed, decimal Delivered)> Themes)
{
    /// <summary>Share of commitments (contract measures) delivered in full, as a whole percentage; null with none.</summary>
    public int? DeliveredPercent => Commitments == 0 ? null : (int)Math.Floor(100m * CommitmentsMet / Commitments);
}

/// <summary>
/// Computes an organisation's <see cref="HeadlineModel"/> from its grains: each contract's social value, performance and
/// returns due, the maturity plan, and the Kite Mark register with the held application. The caller gives the contracts
/// and the plan it has read already; contract grains are asked a few at a time, so an organisation with many contracts
/// neither waits for them in turn nor floods the silo.
/// </summary>
internal static class HeadlineFigures
{
    /// <summary>How far ahead "due soon" looks, in days.</summary>
    public const int Window = 30;

    /// <summary>The contract grains asked at once.</summary>
    private const int Parallelism = 8;

    /// <summary>The red/amber/green rule, as the page states it.</summary>
    public const string RagRule =
        "Red: a return is overdue, or a contract that has ended delivered short of a commitment by more than the shortfall threshold. "
        + "Amber: a return falls due within 30 days, or a live contract is so far short of a commitment by more than the threshold. "
        + "Green: neither.";

    private static readonly ContractStatus[] Counted =
        [ContractStatus.Awarded, ContractStatus.Live, ContractStatus.Completed, ContractStatus.Terminated];

    public static async Task<HeadlineModel> ComputeAsync(
        IGrainFactory grains, string organisationId, IReadOnlyList<ContractSummary> contracts, MaturityDetails? maturity, DateTimeOffset now)
    {
        var kiteMarkTask = KiteMarkAsync(grains, organisationId, now);
        var counted = contracts.Where(c => Counted.Contains(c.State)).ToList();
        var glances = new ContractGlance[counted.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, counted.Count), new ParallelOptions { MaxDegreeOfParallelism = Parallelism },
            async (i, _) => glances[i] = await GlanceAsync(grains, counted[i], organisationId));

        var commissioned = glances.Where(g => !g.WeSupply).ToList();
        var totals = commissioned.Select(g => g.SocialValue.Total).ToList();
        var performance = commissioned.SelectMany(g => g.Performance.Measures).ToList();
        var returns = glances.SelectMany(g => g.Contract.ReturnsDue).ToList();
        var openActions = maturity?.Dimensions.SelectMany(d => d.Actions).Where(a => a.Status != ActionStatus.Done && a.DueDate is not null).ToList() ?? [];
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var soon = today.AddDays(Window);
        var dueSoon = openActions.Where(a => a.DueDate >= today && a.DueDate <= soon).ToList();
        var pending = returns.Where(r => r.Status == ReturnDueStatus.Due).ToList();
        return new HeadlineModel(
            totals.Sum(t => t.CommittedValue),
            totals.Sum(t => t.DeliveredValue),
            totals.Sum(t => t.CommittedNetValue),
            totals.Sum(t => t.DeliveredNetValue),
            totals.Sum(t => t.UnvaluedMeasures),
            UnitsOf(commissioned),
            performance.Count(Met),
            performance.Count,
            openActions.Count(a => a.DueDate < today),
            dueSoon.Count,
            dueSoon.Min(a => a.DueDate),
            returns.Count(r => r.Status == ReturnDueStatus.Overdue),
            pending.Count,
            pending.Count == 0 ? null : pending.Min(r => r.DueAt),
            await kiteMarkTask,
            [.. glances.Select(g => RagOf(g, now))],
            ThemesOf(commissioned));
    }

    private sealed record ContractGlance(bool WeSupply, ContractDetails Contract, SocialValueTotals SocialValue, PerformanceReview Performance);

    private static async Task<ContractGlance> GlanceAsync(IGrainFactory grains, ContractSummary summary, string organisationId)
    {
        var grain = grains.GetGrain<IContractGrain>(summary.Id);
        var contract = grain.GetAsync();
        var socialValue = grain.GetSocialValueAsync(null);
        var performance = grain.GetPerformanceAsync();
        return new ContractGlance(summary.OrganisationId != organisationId, await contract, await socialValue, await performance);
    }

    /// <summary>A commitment is met once delivered reaches its target (a target of nothing is met at once).</summary>
    private static bool Met(MeasurePerformance m) => m.DeliveredShare is null ? m.Delivered >= m.Committed : m.DeliveredShare >= 1;

    /// <summary>Units summed per unit, never across units; a contract's themes add up its measures' units.</summary>
    private static List<UnitTotal> UnitsOf(IEnumerable<ContractGlance> commissioned) =>
        [.. commissioned.SelectMany(g => g.SocialValue.Themes).SelectMany(t => t.Units)
            .GroupBy(u => u.Unit)
            .OrderBy(u => u.Key, StringComparer.Ordinal)
            .Select(u => new UnitTotal(u.Key, u.Sum(x => x.Committed), u.Sum(x => x.Delivered)))];

    /// <summary>£ committed and delivered per theme, themes in the order the contracts first name them.</summary>
    private static List<(string Name, decimal Committed, decimal Delivered)> ThemesOf(IEnumerable<ContractGlance> commissioned) =>
        [.. commissioned.SelectMany(g => g.SocialValue.Themes)
            .GroupBy(t => t.Name)
            .Select(t => (t.Key, t.Sum(x => x.CommittedValue), t.Sum(x => x.DeliveredValue)))];

    private static ContractRag RagOf(ContractGlance glance, DateTimeOffset now)
    {
        var contract = glance.Contract;
        var red = new List<string>();
        var amber = new List<string>();
        red.AddRange(contract.ReturnsDue.Where(r => r.Status == ReturnDueStatus.Overdue).Select(r => $"Return for {r.Period} overdue"));
        amber.AddRange(contract.ReturnsDue.Where(r => r.Status == ReturnDueStatus.Due && r.DueAt <= now.AddDays(Window))
            .Select(r => $"Return for {r.Period} due {Format.Date(r.DueAt)}"));
        var shortfalls = glance.Performance.Measures.Where(m => m.Shortfall).Select(m => $"{m.Title}: {Format.Quantity(m.Delivered, m.Unit)} of {Format.Quantity(m.Committed, m.Unit)}");
        (contract.State is ContractStatus.Completed or ContractStatus.Terminated ? red : amber)
            .AddRange(contract.State == ContractStatus.Awarded ? [] : shortfalls);
        var state = red.Count > 0 ? Rag.Red : amber.Count > 0 ? Rag.Amber : Rag.Green;
        return new ContractRag(contract.Id, contract.Title, glance.WeSupply, state, [.. red, .. amber]);
    }

    /// <summary>The register's line for the organisation, read back from its application, which knows whether it still holds.</summary>
    private static async Task<KiteMarkGlance> KiteMarkAsync(IGrainFactory grains, string organisationId, DateTimeOffset now)
    {
        if (await grains.GetGrain<IKiteMarkRegisterGrain>(IKiteMarkRegisterGrain.Register).FindAsync(organisationId) is not { } holder)
        {
            return new KiteMarkGlance("Not held", null, false);
        }
        var application = await grains.GetGrain<IKiteMarkApplicationGrain>(holder.ApplicationId).GetAsync();
        var validUntil = application.ValidUntil ?? holder.ValidUntil;
        return application.State == KiteMarkState.Awarded && validUntil > now
            ? new KiteMarkGlance("Held", validUntil, validUntil <= now.AddDays(Window))
            : new KiteMarkGlance(application.State == KiteMarkState.Revoked ? "Revoked" : "Expired", validUntil, false);
    }
}
