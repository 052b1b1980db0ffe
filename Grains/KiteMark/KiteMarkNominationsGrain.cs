using SocialValue.Errors;
using SocialValue.Indexes;
using SocialValue.Versions;

namespace SocialValue.KiteMark;

public sealed class KiteMarkNominationsGrain(IIndexStore store)
    : IndexGrain<KiteMarkNomination>(store, "kite-mark-nominations"), IKiteMarkNominationsGrain
{
    public async Task<Versioned<KiteMarkNomination>> NominateAsync(KiteMarkNomination nomination, VersionCondition? expected)
    {
        VersionCondition.Check(expected, Entries.Find(nomination.OrganisationId)?.ETag());
        var nominator = await KiteMarkEligibility.OrganisationAsync(GrainFactory, nomination.NominatedBy, "nominatedBy");
        if (!KiteMarkEligibility.AwardsInItsOwnRight(nominator.Type))
        {
            throw new ValidationException("nominatedBy",
                $"Only a local authority or a chamber of commerce may nominate an awarding body; '{nominator.Id}' is {nominator.Type}.");
        }
        await KiteMarkEligibility.OrganisationAsync(GrainFactory, nomination.OrganisationId, "organisationId");
        await WriteEntryAsync(nomination);
        return new Versioned<KiteMarkNomination>(nomination, nomination.ETag());
    }

    public Task WithdrawAsync(string organisationId, VersionCondition? expected)
    {
        VersionCondition.Check(expected, Entries.Find(organisationId)?.ETag());
        return DeleteEntryAsync(organisationId);
    }

    public Task<KiteMarkNomination?> FindAsync(string organisationId) => Task.FromResult(Entries.Find(organisationId));

    public Task<IndexPage<KiteMarkNomination>> ListAsync(IndexPosition? after, int limit) => PageAsync(after, limit);

    protected override IndexPosition PositionOf(KiteMarkNomination entry) => new(entry.OrganisationId, entry.OrganisationId);
}
