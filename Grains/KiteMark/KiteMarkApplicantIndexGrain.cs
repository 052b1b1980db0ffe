using SocialValue.Indexes;

namespace SocialValue.KiteMark;

public sealed class KiteMarkApplicantIndexGrain(IIndexStore store)
    : IndexGrain<KiteMarkApplicationSummary>(store, "kite-mark-applications-by-applicant"), IKiteMarkApplicantIndexGrain
{
    public Task UpsertAsync(KiteMarkApplicationSummary summary) => WriteEntryAsync(summary);

    public Task<IndexPage<KiteMarkApplicationSummary>> ListAsync(IndexPosition? after, int limit) => PageAsync(after, limit);

    protected override IndexPosition PositionOf(KiteMarkApplicationSummary entry) => KiteMarkApplicationIndexGrain.Recent(entry);
}
