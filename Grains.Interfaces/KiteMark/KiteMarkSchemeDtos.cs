namespace SocialValue.KiteMark;

/// <summary>
/// A Social Value Award (Kite Mark) scheme: its themes and criteria, and how long an award lasts
/// (<paramref name="Validity"/>, an ISO 8601 duration such as <c>P5Y</c>).
/// <paramref name="Note"/> records how the scheme was read from its source, when that needed a judgement.
/// </summary>
[GenerateSerializer]
public sealed record KiteMarkSchemeDefinition(
    string Id,
    string Name,
    IReadOnlyList<KiteMarkThemeDefinition> Themes,
    string Validity,
    string? Note = null);

/// <summary>A theme of a scheme (Social, Economic, Environment, Innovation) with its criteria.</summary>
[GenerateSerializer]
public sealed record KiteMarkThemeDefinition(string Id, string Name, IReadOnlyList<KiteMarkCriterionDefinition> Criteria);

/// <summary>
/// A criterion (objective) of a theme. <paramref name="MentalHealth"/> is the seed's (MH) mark;
/// <paramref name="MustDo"/> criteria need accepted evidence before an award; <paramref name="Part"/> names the
/// part of the theme it sits in, where the theme has parts (Economic: jobs/employment, inclusive growth);
/// <paramref name="Note"/> says how the criterion was read from its source, when that needed a judgement.
/// </summary>
[GenerateSerializer]
public sealed record KiteMarkCriterionDefinition(string Id, string Text, bool MentalHealth, bool MustDo, string? Part = null, string? Note = null);

/// <summary>
/// A scheme as callers see it: the shipped one is read-only (<paramref name="ReadOnly"/>); a local one belongs to
/// the awarding body that defined it (<paramref name="AwardingBodyId"/>).
/// </summary>
[GenerateSerializer]
public sealed record KiteMarkSchemeDetails(KiteMarkSchemeDefinition Scheme, bool ReadOnly, string? AwardingBodyId, string ETag);

/// <summary>One line of the scheme index.</summary>
[GenerateSerializer]
public sealed record KiteMarkSchemeSummary(string Id, string Name, bool ReadOnly, string? AwardingBodyId, string Validity);
