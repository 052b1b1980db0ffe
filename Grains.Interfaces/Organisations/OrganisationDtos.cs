namespace SocialValue.Organisations;

/// <summary>What an organisation is registered with.</summary>
[GenerateSerializer]
public sealed record OrganisationProfile(string Name, OrganisationType Type, string Place);

/// <summary>An organisation as callers see it, with the version of its stored record.</summary>
[GenerateSerializer]
public sealed record OrganisationDetails(
    string Id,
    string Name,
    OrganisationType Type,
    string Place,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    string? FrameworkId,
    string ETag);

/// <summary>One line of the organisation index.</summary>
[GenerateSerializer]
public sealed record OrganisationSummary(string Id, string Name, OrganisationType Type, string Place);
