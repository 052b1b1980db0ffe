using SocialValue.Errors;
using SocialValue.Organisations;

namespace SocialValue.KiteMark;

/// <summary>
/// Who may apply and who may award (seed 002 §4, "Who is eligible" and "How do Anchor Institutions apply").
/// Applicants: the seven kinds of anchor institution the seed lists, Business and Industry included; a chamber of
/// commerce is not among them, it is an awarding body. Awarding bodies: local authorities and chambers of commerce,
/// and organisations one of them nominates.
/// </summary>
public static class KiteMarkEligibility
{
    /// <summary>The organisation types that may apply for the award.</summary>
    public static IReadOnlySet<OrganisationType> Applicants { get; } = new HashSet<OrganisationType>
    {
        OrganisationType.NhsProvider,
        OrganisationType.LocalAuthority,
        OrganisationType.ClinicalCommissioningGroup,
        OrganisationType.Vcfse,
        OrganisationType.BlueLight,
        OrganisationType.Education,
        OrganisationType.BusinessAndIndustry,
    };

    /// <summary>Whether an organisation of this type awards without being nominated: a local authority or chamber of commerce.</summary>
    public static bool AwardsInItsOwnRight(OrganisationType type) =>
        type is OrganisationType.LocalAuthority or OrganisationType.ChamberOfCommerce;

    /// <summary>The organisation named by a request field; 422 on that field when there is none.</summary>
    public static async Task<OrganisationDetails> OrganisationAsync(IGrainFactory grains, string id, string field)
    {
        try
        {
            return await grains.GetGrain<IOrganisationGrain>(id).GetAsync();
        }
        catch (NotFoundException)
        {
            throw new ValidationException(field, $"There is no organisation '{id}'.");
        }
    }

    /// <summary>422 unless <paramref name="applicant"/> may apply to <paramref name="awardingBody"/>.</summary>
    public static async Task EnsureMayApplyAsync(IGrainFactory grains, OrganisationDetails applicant, OrganisationDetails awardingBody)
    {
        if (!Applicants.Contains(applicant.Type))
        {
            throw new ValidationException("organisationId",
                $"'{applicant.Id}' is {applicant.Type}, not an anchor institution that may apply ({string.Join(", ", Applicants)}).");
        }
        if (applicant.Id == awardingBody.Id)
        {
            throw new ValidationException("awardingBodyId", "An organisation cannot award the Kite Mark to itself; apply to another awarding body.");
        }
        await EnsureAwardingBodyAsync(grains, awardingBody);
    }

    /// <summary>422 unless <paramref name="awardingBody"/> is a local authority, a chamber of commerce or nominated by one.</summary>
    public static async Task EnsureAwardingBodyAsync(IGrainFactory grains, OrganisationDetails awardingBody)
    {
        if (!AwardsInItsOwnRight(awardingBody.Type)
            && await grains.GetGrain<IKiteMarkNominationsGrain>(IKiteMarkNominationsGrain.All).FindAsync(awardingBody.Id) is null)
        {
            throw new ValidationException("awardingBodyId",
                $"'{awardingBody.Id}' is {awardingBody.Type}: an awarding body is a local authority, a chamber of commerce or an organisation one of them nominates.");
        }
    }
}
