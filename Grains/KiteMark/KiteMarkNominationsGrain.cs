using SocialValue.Errors;
using SocialValue.Organisations;
using Orleans.Runtime;

namespace SocialValue.KiteMark;

public sealed class KiteMarkNominationsGrain(
    [PersistentState("kite-mark-nominations", "store")] IPersistentState<KiteMarkNominationsState> nominations)
    : KeyedGrain, IKiteMarkNominationsGrain
{
    public async Task<KiteMarkNomination> NominateAsync(KiteMarkNomination nomination)
    {
        var nominator = await KiteMarkEligibility.OrganisationAsync(GrainFactory, nomination.NominatedBy, "nominatedBy");
        if (!KiteMarkEligibility.AwardsInItsOwnRight(nominator.Type))
        {
            throw new ValidationException("nominatedBy",
                $"Only a local authority or a chamber of commerce may nominate an awarding body; '{nominator.Id}' is {nominator.Type}.");
        }
        await KiteMarkEligibility.OrganisationAsync(GrainFactory, nomination.OrganisationId, "organisationId");
        nominations.State.Nominations[nomination.OrganisationId] = nomination;
        await nominations.WriteStateAsync();
        return nomination;
    }

    public async Task WithdrawAsync(string organisationId)
    {
        if (nominations.State.Nominations.Remove(organisationId))
        {
            await nominations.WriteStateAsync();
        }
    }

    public Task<KiteMarkNomination?> FindAsync(string organisationId) =>
        Task.FromResult(nominations.State.Nominations.GetValueOrDefault(organisationId));

    public Task<IReadOnlyList<KiteMarkNomination>> ListAsync() =>
        Task.FromResult<IReadOnlyList<KiteMarkNomination>>([.. nominations.State.Nominations.Values.OrderBy(n => n.OrganisationId, StringComparer.Ordinal)]);
}
