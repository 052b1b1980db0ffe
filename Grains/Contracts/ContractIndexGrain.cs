using SocialValue.Indexes;

namespace SocialValue.Contracts;

public sealed class ContractIndexGrain(IIndexStore store)
    : IndexGrain<ContractSummary>(store, "contracts"), IContractIndexGrain
{
    public Task UpsertAsync(ContractSummary summary) => WriteEntryAsync(summary);

    public Task<IndexPage<ContractSummary>> ListAsync(IndexPosition? after, int limit) => PageAsync(after, limit);

    protected override IndexPosition PositionOf(ContractSummary entry) => new(entry.Title, entry.Id);
}
