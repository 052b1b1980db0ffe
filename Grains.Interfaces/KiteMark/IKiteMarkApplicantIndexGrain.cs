using Orleans.Concurrency;
using SocialValue.Indexes;

namespace SocialValue.KiteMark;

/// <summary>
/// The applications one organisation has made (keyed by the applicant's organisation id), to any awarding body, kept by
/// the application grains so the applicant finds its drafts without reading every body's queue.
/// </summary>
public interface IKiteMarkApplicantIndexGrain : IGrainWithStringKey
{
    /// <summary>Adds or replaces an application's line.</summary>
    Task UpsertAsync(KiteMarkApplicationSummary summary);

    /// <summary>Up to <paramref name="limit"/> of the organisation's applications after <paramref name="after"/>, most recently changed first.</summary>
    [AlwaysInterleave]
    Task<IndexPage<KiteMarkApplicationSummary>> ListAsync(IndexPosition? after, int limit);
}
