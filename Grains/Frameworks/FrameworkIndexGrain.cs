using SocialValue.Indexes;

namespace SocialValue.Frameworks;

public sealed class FrameworkIndexGrain(IIndexStore store)
    : IndexGrain<FrameworkSummary>(store, "frameworks"), IFrameworkIndexGrain
{
    private static readonly Dictionary<string, int> TemplateRanks = ReferenceFrameworks.All.Select((f, rank) => (f.Id, rank)).ToDictionary();

    public Task UpsertAsync(FrameworkSummary summary) => WriteEntryAsync(summary);

    public Task<IndexPage<FrameworkSummary>> ListAsync(IndexPosition? after, int limit) => PageAsync(after, limit);

    protected override IEnumerable<FrameworkSummary> Shipped =>
        ReferenceFrameworks.All.Select(f => new FrameworkSummary(f.Id, f.Name, true, null));

    protected override IndexPosition PositionOf(FrameworkSummary entry) =>
        entry.ReadOnly ? ShippedFirst.Position(TemplateRanks[entry.Id], entry.Id) : new(entry.Name, entry.Id);
}
