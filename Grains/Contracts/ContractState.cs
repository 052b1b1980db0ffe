using SocialValue.Workflow;

namespace SocialValue.Contracts;

public sealed class ContractState
{
    public string OrganisationId { get; set; } = "";

    public string Title { get; set; } = "";

    public decimal Value { get; set; }

    public string? FrameworkId { get; set; }

    public ContractStatus Status { get; set; }

    public List<string> OutcomeIds { get; set; } = [];

    public List<string> MeasureIds { get; set; } = [];

    public decimal? Weighting { get; set; }

    public bool WeightingIsDefault { get; set; }

    public int? ScoreFormulaVersion { get; set; }

    public List<BidDetails> Bids { get; set; } = [];

    public AwardDetails? Award { get; set; }

    public List<SocialValueTerm> Terms { get; set; } = [];

    public DateTimeOffset? LiveFrom { get; set; }

    public List<ReturnDue> ReturnsDue { get; set; } = [];

    public List<ReturnDetails> Returns { get; set; } = [];

    public List<TransitionRecord> History { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public bool IsScored(string bidId) => Bids.Any(b => b.Id == bidId && b.Scores is not null);
}
