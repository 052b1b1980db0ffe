using Orleans.Concurrency;
using SocialValue.Indexes;
using SocialValue.Versions;

namespace SocialValue.KiteMark;

/// <summary>
/// A Kite Mark scheme, keyed by its slug id. <c>cheshire-merseyside</c> ships read-only from seed 002 §4; an awarding
/// body defines a local scheme (its own criteria, must-dos and validity), often starting from a copy of it.
/// </summary>
public interface IKiteMarkSchemeGrain : IGrainWithStringKey
{
    /// <summary>The scheme; <see cref="Errors.NotFoundException"/> when there is none.</summary>
    Task<KiteMarkSchemeDetails> GetAsync();

    /// <summary>
    /// Creates or replaces the local scheme of <paramref name="awardingBodyId"/>, or with none a scheme open to every
    /// awarding body, when <paramref name="expected"/> is null or current. 409 for the shipped scheme or one another
    /// body owns; 422 when the scheme is not valid. Applications made before keep the scheme they were made under.
    /// </summary>
    Task<KiteMarkSchemeDetails> PutAsync(KiteMarkSchemeDefinition scheme, string? awardingBodyId, VersionCondition? expected);
}

/// <summary>Every scheme (key <see cref="All"/>): the shipped one first, then local ones by name.</summary>
public interface IKiteMarkSchemeIndexGrain : IGrainWithStringKey
{
    /// <summary>The key of the one index.</summary>
    public const string All = "all";

    /// <summary>Adds or replaces a scheme's line.</summary>
    Task UpsertAsync(KiteMarkSchemeSummary summary);

    /// <summary>Up to <paramref name="limit"/> schemes after <paramref name="after"/>: the shipped scheme first, then the local ones by name.</summary>
    [AlwaysInterleave]
    Task<IndexPage<KiteMarkSchemeSummary>> ListAsync(IndexPosition? after, int limit);
}
