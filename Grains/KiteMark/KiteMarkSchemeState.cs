namespace SocialValue.KiteMark;

[GenerateSerializer]
public sealed class KiteMarkSchemeState
{
    [Id(0)]
    public KiteMarkSchemeDefinition? Scheme { get; set; }

    /// <summary>The awarding body whose local scheme this is; none for a scheme open to every awarding body.</summary>
    [Id(1)]
    public string? AwardingBodyId { get; set; }

    [Id(2)]
    public DateTimeOffset UpdatedAt { get; set; }
}
