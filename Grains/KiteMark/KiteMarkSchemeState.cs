namespace SocialValue.KiteMark;

[GenerateSerializer]
public sealed class KiteMarkSchemeState
{
    [Id(0)]
    public KiteMarkSchemeDefinition? Scheme { get; set; }

    [Id(1)]
    public string AwardingBodyId { get; set; } = "";

    [Id(2)]
    public DateTimeOffset UpdatedAt { get; set; }
}
