namespace SocialValue.Organisations;

[GenerateSerializer]
public sealed class OrganisationState
{
    [Id(0)]
    public string Name { get; set; } = "";

    [Id(1)]
    public OrganisationType Type { get; set; }

    [Id(2)]
    public string Place { get; set; } = "";

    [Id(3)]
    public DateTimeOffset CreatedAt { get; set; }

    [Id(4)]
    public DateTimeOffset UpdatedAt { get; set; }

    [Id(5)]
    public string? FrameworkId { get; set; }
}
