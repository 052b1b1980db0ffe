using SocialValue.Indexes;
using SocialValue.Runtime;

namespace SocialValue.Organisations;

public sealed class OrganisationIndexGrain(IGrainContext context, IPersistentState<IndexState<OrganisationSummary>> index)
    : IndexGrain<OrganisationSummary>(context, index), IOrganisationIndexGrain
{
    public Task UpsertAsync(OrganisationSummary summary) => UpsertAsync(summary.Id, summary);

    public Task<IReadOnlyList<OrganisationSummary>> ListAsync() =>
        Task.FromResult<IReadOnlyList<OrganisationSummary>>(
            [.. Entries.OrderBy(o => o.Name, StringComparer.OrdinalIgnoreCase).ThenBy(o => o.Id)]);
}
