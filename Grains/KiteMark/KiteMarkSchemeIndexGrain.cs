using SocialValue.Indexes;
using Orleans.Runtime;

namespace SocialValue.KiteMark;

public sealed class KiteMarkSchemeIndexGrain(
    [PersistentState("kite-mark-scheme-index", "store")] IPersistentState<IndexState<KiteMarkSchemeSummary>> index)
    : IndexGrain<KiteMarkSchemeSummary>(index), IKiteMarkSchemeIndexGrain
{
    public Task UpsertAsync(KiteMarkSchemeSummary summary) => UpsertAsync(summary.Id, summary);

    public Task<IReadOnlyList<KiteMarkSchemeSummary>> ListAsync()
    {
        var shipped = KiteMarkSchemes.CheshireAndMerseyside;
        var local = Entries.OrderBy(s => s.Name, StringComparer.OrdinalIgnoreCase).ThenBy(s => s.Id);
        return Task.FromResult<IReadOnlyList<KiteMarkSchemeSummary>>(
            [new KiteMarkSchemeSummary(shipped.Id, shipped.Name, true, null, shipped.Validity), .. local]);
    }
}
