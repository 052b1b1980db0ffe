using SocialValue.Runtime;

namespace SocialValue.KiteMark;

public sealed class KiteMarkSchemeIndexGrain(IGrainContext context, IPersistentState<KiteMarkSchemeIndexState> index)
    : Grain(context), IKiteMarkSchemeIndexGrain
{
    public async Task UpsertAsync(KiteMarkSchemeSummary summary)
    {
        if (index.State.Schemes.TryGetValue(summary.Id, out var existing) && existing == summary)
        {
            return;
        }
        index.State.Schemes[summary.Id] = summary;
        await index.WriteStateAsync();
    }

    public Task<IReadOnlyList<KiteMarkSchemeSummary>> ListAsync()
    {
        var shipped = KiteMarkSchemes.CheshireAndMerseyside;
        var local = index.State.Schemes.Values.OrderBy(s => s.Name, StringComparer.OrdinalIgnoreCase).ThenBy(s => s.Id);
        return Task.FromResult<IReadOnlyList<KiteMarkSchemeSummary>>(
            [new KiteMarkSchemeSummary(shipped.Id, shipped.Name, true, null, shipped.Validity), .. local]);
    }
}
