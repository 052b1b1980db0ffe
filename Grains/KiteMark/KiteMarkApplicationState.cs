using SocialValue.Workflow;

namespace SocialValue.KiteMark;

public sealed class KiteMarkApplicationState
{
    public string OrganisationId { get; set; } = "";

    public string OrganisationName { get; set; } = "";

    public string AwardingBodyId { get; set; } = "";

    /// <summary>The scheme as it was when the application was made; a body's later changes do not move the goalposts.</summary>
    public KiteMarkSchemeDefinition Scheme { get; set; } = KiteMarkSchemes.CheshireAndMerseyside;

    public bool ConsentToPublish { get; set; }

    public KiteMarkState State { get; set; }

    public List<EvidenceDetails> Evidence { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? AwardedOn { get; set; }

    public DateTimeOffset? ValidUntil { get; set; }

    public List<TransitionRecord> History { get; set; } = [];
}
