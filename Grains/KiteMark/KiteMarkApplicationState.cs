using SocialValue.Scheduling;
using SocialValue.Workflow;

namespace SocialValue.KiteMark;

[GenerateSerializer]
public sealed class KiteMarkApplicationState
{
    [Id(0)]
    public string OrganisationId { get; set; } = "";

    [Id(1)]
    public string OrganisationName { get; set; } = "";

    [Id(2)]
    public string AwardingBodyId { get; set; } = "";

    /// <summary>The scheme as it was when the application was made; a body's later changes do not move the goalposts.</summary>
    [Id(3)]
    public KiteMarkSchemeDefinition Scheme { get; set; } = KiteMarkSchemes.CheshireAndMerseyside;

    [Id(4)]
    public bool ConsentToPublish { get; set; }

    [Id(5)]
    public KiteMarkState State { get; set; }

    [Id(6)]
    public List<EvidenceDetails> Evidence { get; set; } = [];

    [Id(7)]
    public DateTimeOffset CreatedAt { get; set; }

    [Id(8)]
    public DateTimeOffset UpdatedAt { get; set; }

    [Id(9)]
    public DateTimeOffset? AwardedOn { get; set; }

    [Id(10)]
    public DateTimeOffset? ValidUntil { get; set; }

    /// <summary>The job that expires the award at <see cref="ValidUntil"/>, while it is awarded.</summary>
    [Id(11)]
    public ScheduledDeadline? ExpiryJob { get; set; }

    [Id(12)]
    public List<TransitionRecord> History { get; set; } = [];
}
