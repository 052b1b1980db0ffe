using SocialValue.Grains.Tests.Cluster;
using SocialValue.Organisations;

namespace SocialValue.Grains.Tests.Organisations;

/// <summary>
/// An organisation's update sends the index its summary only when the summary changed since the index last took it
/// from this activation; whatever the sequence of updates, the index ends with the latest summary.
/// </summary>
[Collection(GrainClusterCollection.Name)]
public sealed class OrganisationIndexFollowUpTests(GrainCluster cluster)
{
    private static readonly OrganisationProfile Original = new("Follow Up Trust", OrganisationType.Vcfse, "Halton");
    private static readonly OrganisationProfile Renamed = new("Follow Up Trust (renamed)", OrganisationType.Vcfse, "Halton");

    [Fact]
    public async Task The_index_follows_a_rename_an_unchanged_update_and_a_rename_back()
    {
        var organisation = cluster.Grains.GetGrain<IOrganisationGrain>("follow-up");
        var index = cluster.Grains.GetGrain<IOrganisationIndexGrain>(IOrganisationIndexGrain.All);
        await organisation.CreateAsync(Original);
        Assert.Equal(Original.Name, (await index.FindAsync("follow-up"))!.Name);

        await organisation.UpdateAsync(Renamed, expected: null);
        Assert.Equal(Renamed.Name, (await index.FindAsync("follow-up"))!.Name);

        var unchanged = await organisation.UpdateAsync(Renamed with { }, expected: null);
        Assert.Equal(Renamed.Name, unchanged.Name);
        Assert.Equal(Renamed.Name, (await index.FindAsync("follow-up"))!.Name);

        await organisation.UpdateAsync(Original, expected: null);
        Assert.Equal(Original.Name, (await index.FindAsync("follow-up"))!.Name);
        Assert.Equal(OrganisationType.Vcfse, (await index.FindAsync("follow-up"))!.Type);
    }
}
