namespace SocialValue.Organisations;

/// <summary>The kinds of anchor institution and partner the seeds name.</summary>
[GenerateSerializer]
public enum OrganisationType
{
    NhsProvider,
    LocalAuthority,
    ClinicalCommissioningGroup,
    Vcfse,
    BlueLight,
    Education,
    BusinessAndIndustry,
    ChamberOfCommerce,
}
