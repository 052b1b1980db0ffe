using SocialValue.Indexes;

namespace SocialValue.KiteMark;

public sealed class KiteMarkRegisterGrain(IIndexStore store)
    : IndexGrain<KiteMarkHolder>(store, "kite-mark-register"), IKiteMarkRegisterGrain
{
    public async Task AddAsync(KiteMarkHolder holder)
    {
        if (Entries.Find(holder.OrganisationId) is { } existing && existing.AwardedOn > holder.AwardedOn)
        {
            return;
        }
        await WriteEntryAsync(holder);
    }

    public async Task RemoveAsync(string organisationId, string applicationId)
    {
        if (Entries.Find(organisationId)?.ApplicationId == applicationId)
        {
            await DeleteEntryAsync(organisationId);
        }
    }

    public Task<IndexPage<KiteMarkHolder>> ListAsync(IndexPosition? after, int limit, DateTimeOffset currentAt) =>
        PageAsync(after, limit, h => h.ValidUntil > currentAt);

    public Task<KiteMarkHolder?> FindAsync(string organisationId) => Task.FromResult(Entries.Find(organisationId));

    protected override IndexPosition PositionOf(KiteMarkHolder entry) => new(entry.OrganisationName, entry.OrganisationId);
}
