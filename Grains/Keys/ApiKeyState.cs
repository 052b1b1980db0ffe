namespace SocialValue.Keys;

[GenerateSerializer]
public sealed class ApiKeyState
{
    [Id(0)]
    public string Name { get; set; } = "";

    [Id(1)]
    public Role Role { get; set; }

    [Id(2)]
    public string? OrganisationId { get; set; }

    [Id(3)]
    public string SecretHash { get; set; } = "";

    [Id(4)]
    public DateTimeOffset CreatedAt { get; set; }

    [Id(5)]
    public DateTimeOffset? RevokedAt { get; set; }
}
