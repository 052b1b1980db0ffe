using SocialValue.Indexes;
using Orleans.Runtime;

namespace SocialValue.Contracts;

public sealed class ContractIndexGrain([PersistentState("contract-index", "store")] IPersistentState<IndexState<ContractSummary>> index)
    : IndexGrain<ContractSummary>(index), IContractIndexGrain
{
    public Task UpsertAsync(ContractSummary summary) => UpsertAsync(summary.Id, summary);

    public Task<IReadOnlyList<ContractSummary>> ListAsync() =>
        Task.FromResult<IReadOnlyList<ContractSummary>>(
            [.. Entries.OrderBy(c => c.Title, StringComparer.OrdinalIgnoreCase).ThenBy(c => c.Id)]);
}
