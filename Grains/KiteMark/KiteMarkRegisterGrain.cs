using Orleans.Runtime;

namespace SocialValue.KiteMark;

public sealed class KiteMarkRegisterGrain([PersistentState("kite-mark-register", "store")] IPersistentState<KiteMarkRegisterState> register)
    : KeyedGrain, IKiteMarkRegisterGrain
{
    public async Task AddAsync(KiteMarkHolder holder)
    {
        if (register.State.Holders.TryGetValue(holder.OrganisationId, out var existing)
            && (existing == holder || existing.AwardedOn > holder.AwardedOn))
        {
            return;
        }
        register.State.Holders[holder.OrganisationId] = holder;
        await register.WriteStateAsync();
    }

    public async Task RemoveAsync(string organisationId, string applicationId)
    {
        if (register.State.Holders.TryGetValue(organisationId, out var existing) && existing.ApplicationId == applicationId)
        {
            register.State.Holders.Remove(organisationId);
            await register.WriteStateAsync();
        }
    }

    public Task<IReadOnlyList<KiteMarkHolder>> ListAsync() =>
        Task.FromResult<IReadOnlyList<KiteMarkHolder>>(
            [.. register.State.Holders.Values.OrderBy(h => h.OrganisationName, StringComparer.OrdinalIgnoreCase).ThenBy(h => h.OrganisationId)]);
}
