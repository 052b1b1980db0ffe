using SocialValue.Runtime;

namespace SocialValue.Organisations;

public sealed class OrganisationIndexGrain(IGrainContext context, IPersistentState<OrganisationIndexState> index)
    : Grain(context), IOrganisationIndexGrain
{
    public async Task UpsertAsync(OrganisationSummary summary)
    {
        if (index.State.Organisations.TryGetValue(summary.Id, out var existing) && existing == summary)
        {
            return;
        }
        index.State.Organisations[summary.Id] = summary;
        await index.WriteStateAsync();
    }

    public Task<IReadOnlyList<OrganisationSummary>> ListAsync() =>
        Task.FromResult<IReadOnlyList<OrganisationSummary>>(
            [.. index.State.Organisations.Values.OrderBy(o => o.Name, StringComparer.OrdinalIgnoreCase).ThenBy(o => o.Id)]);
}
