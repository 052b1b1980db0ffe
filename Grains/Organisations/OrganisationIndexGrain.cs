using SocialValue.Indexes;
using Orleans.Runtime;

namespace SocialValue.Organisations;

public sealed class OrganisationIndexGrain([PersistentState("organisation-index", "store")] IPersistentState<IndexState<OrganisationSummary>> index)
    : IndexGrain<OrganisationSummary>(index), IOrganisationIndexGrain
{
    public Task UpsertAsync(OrganisationSummary summary) => UpsertAsync(summary.Id, summary);

    public Task<IReadOnlyList<OrganisationSummary>> ListAsync() =>
        Task.FromResult<IReadOnlyList<OrganisationSummary>>(
            [.. Entries.OrderBy(o => o.Name, StringComparer.OrdinalIgnoreCase).ThenBy(o => o.Id)]);
}
