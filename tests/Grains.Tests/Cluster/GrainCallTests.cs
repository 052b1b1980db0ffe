using SocialValue.Errors;
using SocialValue.Frameworks;
using SocialValue.Organisations;
using SocialValue.Versions;

namespace SocialValue.Grains.Tests.Cluster;

/// <summary>Orleans' guarantees the service relies on, seen on its own grains.</summary>
[Collection(GrainClusterCollection.Name)]
public sealed class GrainCallTests(GrainCluster cluster)
{
    [Fact]
    public async Task Of_fifty_concurrent_updates_naming_the_same_version_exactly_one_lands()
    {
        var organisation = cluster.Grains.GetGrain<IOrganisationGrain>("contested");
        var created = await organisation.CreateAsync(new OrganisationProfile("Contested", OrganisationType.Vcfse, "Halton"));

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 50).Select(async i =>
        {
            try
            {
                await organisation.UpdateAsync(new OrganisationProfile($"Name {i}", OrganisationType.Vcfse, "Halton"), VersionCondition.Of(created.ETag));
                return true;
            }
            catch (PreconditionFailedException)
            {
                return false;
            }
        }));

        Assert.Equal(1, outcomes.Count(landed => landed));
        var winner = Array.IndexOf(outcomes, true);
        Assert.Equal($"Name {winner}", (await organisation.GetAsync()).Name);
    }

    [Fact]
    public async Task A_framework_copied_from_itself_is_refused_at_once_instead_of_waiting_on_its_own_turn()
    {
        var framework = cluster.Grains.GetGrain<IFrameworkGrain>("ouroboros");

        var refused = await Assert.ThrowsAsync<ValidationException>(
            () => framework.CreateAsync(new NewFramework("Ouroboros", "ouroboros", "admin")).WaitAsync(TimeSpan.FromSeconds(5)));

        Assert.Contains("copyFrom", refused.Errors.Keys);
        await Assert.ThrowsAsync<NotFoundException>(framework.GetAsync);
    }

    [Fact]
    public async Task Domain_errors_cross_the_grain_boundary_with_their_details()
    {
        var refused = await Assert.ThrowsAsync<NotFoundException>(cluster.Grains.GetGrain<IOrganisationGrain>("nobody").GetAsync);

        Assert.Contains("nobody", refused.Message);
    }
}
