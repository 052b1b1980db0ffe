using SocialValue.Workflow;

namespace SocialValue.KiteMark;

/// <summary>The states of a Kite Mark application (API.md, Kite Mark).</summary>
[GenerateSerializer]
public enum KiteMarkState
{
    Draft,
    Submitted,
    UnderReview,
    MoreEvidenceRequested,
    Awarded,
    Expired,
    Revoked,
    Rejected,
    Withdrawn,
    Lapsed,
}

/// <summary>The triggers of a Kite Mark application (API.md, Kite Mark); Expire is the scheduler's.</summary>
[GenerateSerializer]
public enum KiteMarkTrigger
{
    Submit,
    StartReview,
    RequestEvidence,
    Resubmit,
    Award,
    Reject,
    Withdraw,
    Revoke,
    RecordChange,
    Expire,
}

/// <summary>Which states an application is open in: evidence may be added, and no second application may be made.</summary>
public static class KiteMarkStates
{
    /// <summary>Draft, Submitted, UnderReview or MoreEvidenceRequested.</summary>
    public static bool IsOpen(this KiteMarkState state) =>
        state is KiteMarkState.Draft or KiteMarkState.Submitted or KiteMarkState.UnderReview or KiteMarkState.MoreEvidenceRequested;
}

/// <summary>An anchor institution applying to an awarding body under a scheme.</summary>
[GenerateSerializer]
public sealed record NewKiteMarkApplication(string OrganisationId, string AwardingBodyId, string SchemeId, bool ConsentToPublish, string Actor);

/// <summary>A piece of evidence submitted against a criterion.</summary>
[GenerateSerializer]
public sealed record NewEvidence(string CriterionId, string Description, string? Link, string Actor);

/// <summary>A champion's verdict on a piece of evidence.</summary>
[GenerateSerializer]
public sealed record EvidenceReview(bool Accepted, string Comment, DateTimeOffset ReviewedAt, string ReviewedBy);

/// <summary>
/// A piece of evidence with the theme of its criterion and, once reviewed, the verdict; <see cref="Withdrawn"/> once a
/// recorded change in circumstance means it no longer holds (it then no longer counts for its theme or must-do).
/// </summary>
[GenerateSerializer]
public sealed record EvidenceDetails(
    string Id,
    string CriterionId,
    string ThemeId,
    string Description,
    string? Link,
    DateTimeOffset AddedAt,
    string AddedBy,
    EvidenceReview? Review,
    EvidenceWithdrawal? Withdrawn = null)
{
    /// <summary>Whether the evidence counts: accepted by a champion and not withdrawn since.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool Counts => Review is { Accepted: true } && Withdrawn is null;
}

/// <summary>The change in circumstance that withdrew a piece of evidence from an award.</summary>
[GenerateSerializer]
public sealed record EvidenceWithdrawal(DateTimeOffset At, string By, string Reason);

/// <summary>How far a theme is evidenced: it is covered once one piece of its evidence is accepted.</summary>
[GenerateSerializer]
public sealed record ThemeCoverage(string ThemeId, string Name, int Accepted, int Pending, int Rejected, bool Covered);

/// <summary>A must-do criterion and whether it has accepted evidence.</summary>
[GenerateSerializer]
public sealed record MustDoStatus(string CriterionId, string ThemeId, string Text, bool Met);

/// <summary>
/// An application as callers see it, with the version of its stored record and the themes and criteria of the scheme as
/// it was when the application was made (<see cref="Themes"/>), which are the criteria its evidence is added against.
/// </summary>
[GenerateSerializer]
public sealed record KiteMarkApplicationDetails(
    string Id,
    string OrganisationId,
    string OrganisationName,
    string AwardingBodyId,
    string SchemeId,
    string SchemeName,
    string Validity,
    bool ConsentToPublish,
    KiteMarkState State,
    IReadOnlyList<EvidenceDetails> Evidence,
    IReadOnlyList<ThemeCoverage> Coverage,
    IReadOnlyList<MustDoStatus> MustDos,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? AwardedOn,
    DateTimeOffset? ValidUntil,
    IReadOnlyList<TransitionRecord> History,
    string ETag,
    IReadOnlyList<KiteMarkThemeDefinition> Themes);

/// <summary>One line of an awarding body's queue.</summary>
[GenerateSerializer]
public sealed record KiteMarkApplicationSummary(
    string Id,
    string OrganisationId,
    string OrganisationName,
    string AwardingBodyId,
    string SchemeId,
    KiteMarkState State,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? AwardedOn,
    DateTimeOffset? ValidUntil);

/// <summary>A current holder of the award, as the public register shows it.</summary>
[GenerateSerializer]
public sealed record KiteMarkHolder(
    string OrganisationId,
    string OrganisationName,
    string ApplicationId,
    string AwardingBodyId,
    DateTimeOffset AwardedOn,
    DateTimeOffset ValidUntil);

/// <summary>An organisation nominated by a local authority or chamber of commerce to award the Kite Mark for it.</summary>
[GenerateSerializer]
public sealed record KiteMarkNomination(string OrganisationId, string NominatedBy, DateTimeOffset NominatedAt, string Actor)
{
    /// <summary>The nomination's entity tag: when it was made, to the tick, since nominating again is its only change.</summary>
    public string ETag() => NominatedAt.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
