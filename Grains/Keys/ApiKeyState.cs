namespace SocialValue.Keys;

public sealed class ApiKeyState
{
    public string Name { get; set; } = "";

    public Role Role { get; set; }

    public string? OrganisationId { get; set; }

    public string SecretHash { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }
}
