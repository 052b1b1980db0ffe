using Microsoft.Extensions.Hosting;
using Orleans;
using SocialValue.Indexes;
using SocialValue.KiteMark;
using SocialValue.Organisations;

namespace SocialValue.Api.KiteMark;

/// <summary>
/// Applications made before each applicant had an index of its own (<see cref="IKiteMarkApplicantIndexGrain"/>) are
/// listed only by their awarding body's index. At start, every application an awarding body lists that its applicant's
/// index lacks is added there; what an applicant's index holds already is left as it is, so a second start adds nothing.
/// </summary>
public sealed class ApplicantIndexBackfill(IGrainFactory grains) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var organisations = await IndexPaging.AllAsync(grains.GetGrain<IOrganisationIndexGrain>(IOrganisationIndexGrain.All).ListAsync);
        foreach (var body in organisations)
        {
            var received = grains.GetGrain<IKiteMarkApplicationIndexGrain>(body.Id);
            var applications = await IndexPaging.AllAsync((after, limit) => received.ListAsync(after, limit, null));
            foreach (var byApplicant in applications.GroupBy(a => a.OrganisationId))
            {
                var applicant = grains.GetGrain<IKiteMarkApplicantIndexGrain>(byApplicant.Key);
                var known = (await IndexPaging.AllAsync(applicant.ListAsync)).Select(a => a.Id).ToHashSet();
                foreach (var missing in byApplicant.Where(a => !known.Contains(a.Id)))
                {
                    await applicant.UpsertAsync(missing);
                }
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
