namespace SocialValue.Organisations;

public sealed class OrganisationIndexState
{
    public Dictionary<string, OrganisationSummary> Organisations { get; set; } = [];
}
