using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using SocialValue.Errors;
using SocialValue.Frameworks;
using SocialValue.Versions;

namespace SocialValue.Organisations;

public sealed class OrganisationGrain(
    [PersistentState("organisation", "store")] IPersistentState<OrganisationState> organisation,
    [FromKeyedServices(BusinessClock.Key)] TimeProvider time)
    : KeyedGrain, IOrganisationGrain
{
    private IOrganisationIndexGrain? _index;

    // The summary the index last acknowledged from this activation; null until it first did.
    private OrganisationSummary? _indexed;

    public async Task<OrganisationDetails> CreateAsync(OrganisationProfile profile)
    {
        if (organisation.RecordExists)
        {
            throw new ConflictException($"Organisation '{Key}' exists already.");
        }
        var now = time.GetUtcNow();
        organisation.State = new OrganisationState { CreatedAt = now };
        return await SaveAsync(profile, now);
    }

    public Task<OrganisationDetails> GetAsync() => Task.FromResult(Details());

    public async Task<OrganisationDetails> UpdateAsync(OrganisationProfile profile, VersionCondition? expected)
    {
        EnsureVersion(expected);
        return await SaveAsync(profile, time.GetUtcNow());
    }

    public async Task<OrganisationDetails> AdoptFrameworkAsync(string frameworkId, VersionCondition? expected)
    {
        EnsureVersion(expected);
        try
        {
            await GrainFactory.GetGrain<IFrameworkGrain>(frameworkId).GetAsync();
        }
        catch (NotFoundException)
        {
            throw new ValidationException("frameworkId", $"There is no framework '{frameworkId}'.");
        }
        organisation.State.FrameworkId = frameworkId;
        organisation.State.UpdatedAt = time.GetUtcNow();
        await organisation.WriteStateAsync();
        return Details();
    }

    private void EnsureVersion(VersionCondition? expected)
    {
        var current = Details();
        VersionCondition.Check(expected, current.ETag);
    }

    // After a write, sends the index this organisation's summary, read from the state when the call runs (a retried
    // follow-up sends the latest). A summary the index has already acknowledged from this activation (an update that
    // kept name, type and place) is not sent again: the index would find it equal and write nothing, and the call is a
    // good part of an update's cost. A new activation sends its first summary whatever it is.
    private async Task<OrganisationDetails> SaveAsync(OrganisationProfile profile, DateTimeOffset now)
    {
        var state = organisation.State;
        (state.Name, state.Type, state.Place, state.UpdatedAt) = (profile.Name, profile.Type, profile.Place, now);
        await organisation.WriteStateAsync();
        if (Summary() != _indexed)
        {
            await FollowUpAsync("index", async () =>
            {
                var summary = Summary();
                await (_index ??= GrainFactory.GetGrain<IOrganisationIndexGrain>(IOrganisationIndexGrain.All)).UpsertAsync(summary);
                _indexed = summary;
            });
        }
        return Details();
    }

    private OrganisationSummary Summary()
    {
        var state = organisation.State;
        return new OrganisationSummary(Key, state.Name, state.Type, state.Place);
    }

    private OrganisationDetails Details()
    {
        if (!organisation.RecordExists)
        {
            throw new NotFoundException($"There is no organisation '{Key}'.");
        }
        var state = organisation.State;
        return new OrganisationDetails(Key, state.Name, state.Type, state.Place, state.CreatedAt, state.UpdatedAt, state.FrameworkId, organisation.Etag!);
    }
}
