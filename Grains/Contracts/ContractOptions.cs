using SocialValue.Organisations;

namespace SocialValue.Contracts;

/// <summary>The commissioning rules the seeds leave to each council, bound from configuration section <c>Contracts</c>.</summary>
public sealed class ContractOptions
{
    /// <summary>The social value weightings a tender may have (<c>Contracts:WeightingRange:Min</c>, <c>:Max</c>).</summary>
    public WeightingRange WeightingRange { get; set; } = new();

    /// <summary>
    /// A tender's weighting before the commissioner sets one, by commissioner type: seed 002 gives NHS bodies 5–10%
    /// (10% here) and local authorities about 30%; other types have none, so their commissioners must choose.
    /// </summary>
    public Dictionary<OrganisationType, decimal> DefaultWeightings { get; set; } = new()
    {
        [OrganisationType.NhsProvider] = 0.1m,
        [OrganisationType.ClinicalCommissioningGroup] = 0.1m,
        [OrganisationType.LocalAuthority] = 0.3m,
    };

    /// <summary>How long after going live, and then how often, a quarterly return falls due.</summary>
    public TimeSpan ReturnPeriod { get; set; } = TimeSpan.FromDays(91);

    /// <summary>A performance review flags a measure when delivered falls short of committed by more than this fraction.</summary>
    public decimal ShortfallThreshold { get; set; } = 0.2m;

    /// <summary>The rate later years of a benefit are discounted at, to present value (<c>Contracts:DiscountRate</c>).</summary>
    public decimal DiscountRate { get; set; } = Sroi.GreenBookRate;
}

/// <summary>The allowed social value weightings, as fractions (0.05 is 5%).</summary>
public sealed class WeightingRange
{
    public decimal Min { get; set; } = 0.05m;

    public decimal Max { get; set; } = 0.5m;

    public bool Contains(decimal weighting) => weighting >= Min && weighting <= Max;
}
