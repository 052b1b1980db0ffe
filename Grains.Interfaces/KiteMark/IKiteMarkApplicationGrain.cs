using Orleans.Concurrency;
using SocialValue.Indexes;
using SocialValue.Scheduling;
using SocialValue.Versions;
using SocialValue.Workflow;

namespace SocialValue.KiteMark;

/// <summary>
/// A Kite Mark application, keyed by its slug id: evidence over time, champions' reviews, the award workflow, and
/// the scheduled expiry of an award.
/// </summary>
public interface IKiteMarkApplicationGrain : IDeadlineGrain
{
    /// <summary>
    /// Opens the application in Draft under a copy of the scheme as it is now. 409 when the id exists or the
    /// organisation has an open application with that body; 422 when the applicant is not an eligible anchor
    /// institution, the awarding body may not award, or the scheme is not one the body uses.
    /// </summary>
    Task<KiteMarkApplicationDetails> CreateAsync(NewKiteMarkApplication application);

    /// <summary>The application; 404 when there is none.</summary>
    Task<KiteMarkApplicationDetails> GetAsync();

    /// <summary>Gives or withdraws consent to publish, while in Draft.</summary>
    Task<KiteMarkApplicationDetails> SetConsentAsync(bool consentToPublish, VersionCondition? expected);

    /// <summary>Adds evidence against a criterion while the application is open (409 otherwise; 422 for an unknown criterion).</summary>
    Task<Versioned<EvidenceDetails>> AddEvidenceAsync(NewEvidence evidence, VersionCondition? expected);

    /// <summary>Accepts or rejects a piece of evidence with a comment, while Submitted, UnderReview or MoreEvidenceRequested.</summary>
    Task<Versioned<EvidenceDetails>> ReviewEvidenceAsync(string evidenceId, bool accepted, string comment, string actor, VersionCondition? expected);

    /// <summary>The triggers permitted now, and the blocked ones with their reasons.</summary>
    Task<TransitionOptions> GetTransitionsAsync();

    /// <summary>Fires a trigger by name; 409 with the reasons when it is not permitted. Expire is the scheduler's alone.</summary>
    Task<KiteMarkApplicationDetails> FireAsync(TransitionRequest request, VersionCondition? expected);

    /// <summary>The workflow as a Mermaid diagram.</summary>
    Task<string> GetDiagramAsync();
}

/// <summary>The applications made to one awarding body (keyed by its organisation id), kept by the application grains.</summary>
public interface IKiteMarkApplicationIndexGrain : IGrainWithStringKey
{
    /// <summary>Adds a new application; 409 when the organisation already has an open one with this body.</summary>
    Task OpenAsync(KiteMarkApplicationSummary summary);

    /// <summary>Replaces an application's line.</summary>
    Task UpsertAsync(KiteMarkApplicationSummary summary);

    /// <summary>
    /// Up to <paramref name="limit"/> applications to this body after <paramref name="after"/>, most recently changed
    /// first; only those in <paramref name="state"/> when it is given.
    /// </summary>
    [AlwaysInterleave]
    Task<IndexPage<KiteMarkApplicationSummary>> ListAsync(IndexPosition? after, int limit, KiteMarkState? state);

    /// <summary>The awards of this body valid until <paramref name="until"/> or earlier, soonest expiry first.</summary>
    [AlwaysInterleave]
    Task<IReadOnlyList<KiteMarkApplicationSummary>> ListExpiringAsync(DateTimeOffset until);
}

/// <summary>The public register of current holders (key <see cref="Register"/>), kept by the application grains.</summary>
public interface IKiteMarkRegisterGrain : IGrainWithStringKey
{
    /// <summary>The key of the one register.</summary>
    public const string Register = "register";

    /// <summary>Records an award; an organisation's newer award replaces its older line.</summary>
    Task AddAsync(KiteMarkHolder holder);

    /// <summary>Removes the organisation's line when it is for <paramref name="applicationId"/>.</summary>
    Task RemoveAsync(string organisationId, string applicationId);

    /// <summary>
    /// Up to <paramref name="limit"/> holders after <paramref name="after"/>, by organisation name then id, leaving
    /// out awards that are no longer valid at <paramref name="currentAt"/> even if their expiry is not processed yet.
    /// </summary>
    [AlwaysInterleave]
    Task<IndexPage<KiteMarkHolder>> ListAsync(IndexPosition? after, int limit, DateTimeOffset currentAt);

    /// <summary>An organisation's line, current or not yet expired by the scheduler, if there is one.</summary>
    [AlwaysInterleave]
    Task<KiteMarkHolder?> FindAsync(string organisationId);
}

/// <summary>Organisations nominated to award the Kite Mark for a local authority or chamber of commerce (key <see cref="All"/>).</summary>
public interface IKiteMarkNominationsGrain : IGrainWithStringKey
{
    /// <summary>The key of the one list.</summary>
    public const string All = "all";

    /// <summary>
    /// Records that <see cref="KiteMarkNomination.NominatedBy"/> nominates <see cref="KiteMarkNomination.OrganisationId"/>
    /// when <paramref name="expected"/> is null or admits the version of the organisation's nomination (none admits no
    /// condition); 422 unless the nominating body is a local authority or chamber of commerce.
    /// </summary>
    Task<Versions.Versioned<KiteMarkNomination>> NominateAsync(KiteMarkNomination nomination, Versions.VersionCondition? expected);

    /// <summary>
    /// Ends a nomination when <paramref name="expected"/> is null or admits its version; applications already made stay
    /// with the body.
    /// </summary>
    Task WithdrawAsync(string organisationId, Versions.VersionCondition? expected);

    /// <summary>The nomination of an organisation, if any.</summary>
    [AlwaysInterleave]
    Task<KiteMarkNomination?> FindAsync(string organisationId);

    /// <summary>Up to <paramref name="limit"/> nominations after <paramref name="after"/>, by nominated organisation id.</summary>
    [AlwaysInterleave]
    Task<IndexPage<KiteMarkNomination>> ListAsync(IndexPosition? after, int limit);
}
