using SocialValue.Frameworks;
using SocialValue.Scheduling;
using SocialValue.Workflow;

namespace SocialValue.Contracts;

[GenerateSerializer]
public sealed class ContractState
{
    [Id(0)]
    public string OrganisationId { get; set; } = "";

    [Id(1)]
    public string Title { get; set; } = "";

    [Id(2)]
    public decimal Value { get; set; }

    [Id(3)]
    public string? FrameworkId { get; set; }

    [Id(4)]
    public ContractStatus Status { get; set; }

    [Id(5)]
    public List<string> OutcomeIds { get; set; } = [];

    [Id(6)]
    public List<string> MeasureIds { get; set; } = [];

    [Id(7)]
    public decimal? Weighting { get; set; }

    [Id(8)]
    public bool WeightingIsDefault { get; set; }

    [Id(9)]
    public int? ScoreFormulaVersion { get; set; }

    [Id(10)]
    public List<BidDetails> Bids { get; set; } = [];

    [Id(11)]
    public AwardDetails? Award { get; set; }

    [Id(12)]
    public List<SocialValueTerm> Terms { get; set; } = [];

    [Id(13)]
    public DateTimeOffset? LiveFrom { get; set; }

    [Id(14)]
    public List<ReturnDue> ReturnsDue { get; set; } = [];

    /// <summary>The job that marks the next quarterly return overdue, while the contract is live.</summary>
    [Id(15)]
    public ScheduledDeadline? ReturnsDueJob { get; set; }

    [Id(16)]
    public List<ReturnDetails> Returns { get; set; } = [];

    [Id(17)]
    public List<TransitionRecord> History { get; set; } = [];

    [Id(18)]
    public DateTimeOffset CreatedAt { get; set; }

    [Id(19)]
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The specified outcomes that cannot be linked to the contract's subject matter: contract terms, not KPIs.</summary>
    [Id(20)]
    public List<string> ContractTermOutcomeIds { get; set; } = [];

    /// <summary>The commissioner's SROI adjustments for this contract, by measure, in place of the framework's defaults.</summary>
    [Id(21)]
    public Dictionary<string, SroiAdjustments> Adjustments { get; set; } = [];

    /// <summary>The SROI adjustments a term's £ are netted with: the contract's own, else the framework's at the award.</summary>
    /// <summary>The service start the commissioner plans, which step 6's lead time is measured to.</summary>
    [Id(22)]
    public DateOnly? PlannedServiceStart { get; set; }

    /// <summary>Step 12: whether failure to deliver social value is in the contract's break clause; null until answered.</summary>
    [Id(23)]
    public bool? BreakClauseCoversSocialValue { get; set; }

    /// <summary>The 12 steps worked so far, by number; a step not here is not started.</summary>
    [Id(24)]
    public Dictionary<int, StepProgress> Steps { get; set; } = [];

    /// <summary>The performance reviews recorded, in order.</summary>
    [Id(25)]
    public List<StoredReview> Reviews { get; set; } = [];

    /// <summary>The remedies the reviews opened on measures in shortfall, in order.</summary>
    [Id(26)]
    public List<Remedy> Remedies { get; set; } = [];

    /// <summary>The flags for an extension opportunity (seed 004) the reviews raised, in order.</summary>
    [Id(27)]
    public List<ExtensionFlag> ExtensionFlags { get; set; } = [];

    /// <summary>Months from starting commissioning (the contract's creation) to the planned service start, when one is planned.</summary>
    public int? LeadTimeMonths() =>
        PlannedServiceStart is { } start ? TwelveSteps.MonthsBetween(DateOnly.FromDateTime(CreatedAt.UtcDateTime), start) : null;

    /// <summary>Whether the planned lead time is under the six months step 6 asks for.</summary>
    public bool LeadTimeShort() => LeadTimeMonths() < TwelveSteps.LeadTimeMonths;

    public SroiAdjustments? AdjustmentsOf(SocialValueTerm term) => Adjustments.GetValueOrDefault(term.MeasureId) ?? term.Adjustments;

    public bool IsScored(string bidId) => Bids.Any(b => b.Id == bidId && b.Scores is not null);
}
