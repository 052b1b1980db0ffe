namespace SocialValue.KiteMark;

public sealed class KiteMarkSchemeState
{
    public KiteMarkSchemeDefinition? Scheme { get; set; }

    public string AwardingBodyId { get; set; } = "";

    public DateTimeOffset UpdatedAt { get; set; }
}
