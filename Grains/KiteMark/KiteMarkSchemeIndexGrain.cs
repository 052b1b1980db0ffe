using SocialValue.Indexes;

namespace SocialValue.KiteMark;

public sealed class KiteMarkSchemeIndexGrain(IIndexStore store)
    : IndexGrain<KiteMarkSchemeSummary>(store, "kite-mark-schemes"), IKiteMarkSchemeIndexGrain
{
    public Task UpsertAsync(KiteMarkSchemeSummary summary) => WriteEntryAsync(summary);

    public Task<IndexPage<KiteMarkSchemeSummary>> ListAsync(IndexPosition? after, int limit) => PageAsync(after, limit);

    protected override IEnumerable<KiteMarkSchemeSummary> Shipped
    {
        get
        {
            var shipped = KiteMarkSchemes.CheshireAndMerseyside;
            return [new KiteMarkSchemeSummary(shipped.Id, shipped.Name, true, null, shipped.Validity)];
        }
    }

    protected override IndexPosition PositionOf(KiteMarkSchemeSummary entry) =>
        entry.ReadOnly ? ShippedFirst.Position(0, entry.Id) : new(entry.Name, entry.Id);
}
