using SocialValue.Indexes;

namespace SocialValue.Organisations;

public sealed class OrganisationIndexGrain(IIndexStore store)
    : IndexGrain<OrganisationSummary>(store, "organisations"), IOrganisationIndexGrain
{
    public Task UpsertAsync(OrganisationSummary summary) => WriteEntryAsync(summary);

    public Task<IndexPage<OrganisationSummary>> ListAsync(IndexPosition? after, int limit) => PageAsync(after, limit);

    public Task<OrganisationSummary?> FindAsync(string id) => Task.FromResult(Entries.Find(id));

    protected override IndexPosition PositionOf(OrganisationSummary entry) => new(entry.Name, entry.Id);
}
