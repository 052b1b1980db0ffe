using SocialValue.Runtime;

namespace SocialValue.Contracts;

public sealed class ContractIndexGrain(IGrainContext context, IPersistentState<ContractIndexState> index)
    : Grain(context), IContractIndexGrain
{
    public async Task UpsertAsync(ContractSummary summary)
    {
        if (index.State.Contracts.TryGetValue(summary.Id, out var existing) && existing == summary)
        {
            return;
        }
        index.State.Contracts[summary.Id] = summary;
        await index.WriteStateAsync();
    }

    public Task<IReadOnlyList<ContractSummary>> ListAsync() =>
        Task.FromResult<IReadOnlyList<ContractSummary>>(
            [.. index.State.Contracts.Values.OrderBy(c => c.Title, StringComparer.OrdinalIgnoreCase).ThenBy(c => c.Id)]);
}
