namespace SocialValue.Organisations;

public sealed class OrganisationState
{
    public string Name { get; set; } = "";

    public OrganisationType Type { get; set; }

    public string Place { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public string? FrameworkId { get; set; }
}
