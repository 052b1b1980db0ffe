using SocialValue.Errors;
using Orleans.Runtime;

namespace SocialValue.KiteMark;

public sealed class KiteMarkApplicationIndexGrain(
    [PersistentState("kite-mark-application-index", "store")] IPersistentState<KiteMarkApplicationIndexState> index)
    : KeyedGrain, IKiteMarkApplicationIndexGrain
{
    public async Task OpenAsync(KiteMarkApplicationSummary summary)
    {
        var open = index.State.Applications.Values.FirstOrDefault(a =>
            a.OrganisationId == summary.OrganisationId && a.Id != summary.Id && a.State.IsOpen());
        if (open is not null)
        {
            throw new ConflictException(
                $"Organisation '{summary.OrganisationId}' already has an open application '{open.Id}' ({open.State}) with awarding body '{Key}'.");
        }
        await UpsertAsync(summary);
    }

    public async Task UpsertAsync(KiteMarkApplicationSummary summary)
    {
        if (index.State.Applications.TryGetValue(summary.Id, out var existing) && existing == summary)
        {
            return;
        }
        index.State.Applications[summary.Id] = summary;
        await index.WriteStateAsync();
    }

    public Task<IReadOnlyList<KiteMarkApplicationSummary>> ListAsync() =>
        Task.FromResult<IReadOnlyList<KiteMarkApplicationSummary>>(
            [.. index.State.Applications.Values.OrderByDescending(a => a.UpdatedAt).ThenBy(a => a.Id, StringComparer.Ordinal)]);
}
