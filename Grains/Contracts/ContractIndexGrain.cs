using SocialValue.Indexes;
using SocialValue.Runtime;

namespace SocialValue.Contracts;

public sealed class ContractIndexGrain(IGrainContext context, IPersistentState<IndexState<ContractSummary>> index)
    : IndexGrain<ContractSummary>(context, index), IContractIndexGrain
{
    public Task UpsertAsync(ContractSummary summary) => UpsertAsync(summary.Id, summary);

    public Task<IReadOnlyList<ContractSummary>> ListAsync() =>
        Task.FromResult<IReadOnlyList<ContractSummary>>(
            [.. Entries.OrderBy(c => c.Title, StringComparer.OrdinalIgnoreCase).ThenBy(c => c.Id)]);
}
