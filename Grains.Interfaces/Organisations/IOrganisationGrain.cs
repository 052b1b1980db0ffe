using Orleans.Concurrency;
using SocialValue.Indexes;
using SocialValue.Versions;

namespace SocialValue.Organisations;

/// <summary>An anchor institution or partner, keyed by its slug id.</summary>
public interface IOrganisationGrain : IGrainWithStringKey
{
    /// <summary>Registers the organisation; <see cref="Errors.ConflictException"/> when the id is taken.</summary>
    Task<OrganisationDetails> CreateAsync(OrganisationProfile profile);

    /// <summary>The organisation; <see cref="Errors.NotFoundException"/> when it was never created.</summary>
    Task<OrganisationDetails> GetAsync();

    /// <summary>Replaces the profile when <paramref name="expected"/> is null or current.</summary>
    Task<OrganisationDetails> UpdateAsync(OrganisationProfile profile, VersionCondition? expected);

    /// <summary>Adopts a TOMs framework (a shipped template or a copy); 422 when there is no such framework.</summary>
    Task<OrganisationDetails> AdoptFrameworkAsync(string frameworkId, VersionCondition? expected);
}

/// <summary>Every organisation's summary, kept by the organisation grains (key <see cref="All"/>).</summary>
public interface IOrganisationIndexGrain : IGrainWithStringKey
{
    /// <summary>The key of the one index.</summary>
    public const string All = "all";

    /// <summary>Adds or replaces an organisation's line.</summary>
    Task UpsertAsync(OrganisationSummary summary);

    /// <summary>Up to <paramref name="limit"/> organisations after <paramref name="after"/>, ordered by name then id.</summary>
    [AlwaysInterleave]
    Task<IndexPage<OrganisationSummary>> ListAsync(IndexPosition? after, int limit);

    /// <summary>An organisation's line, if there is one.</summary>
    [AlwaysInterleave]
    Task<OrganisationSummary?> FindAsync(string id);
}
