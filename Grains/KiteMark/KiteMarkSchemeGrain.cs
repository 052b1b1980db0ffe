using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using SocialValue.Errors;
using SocialValue.Versions;

namespace SocialValue.KiteMark;

public sealed class KiteMarkSchemeGrain(
    [PersistentState("kite-mark-scheme", "store")] IPersistentState<KiteMarkSchemeState> scheme,
    [FromKeyedServices(BusinessClock.Key)] TimeProvider time)
    : KeyedGrain, IKiteMarkSchemeGrain
{
    public const string TemplateETag = "template";

    private bool IsShipped => Key == KiteMarkSchemes.CheshireAndMerseyside.Id;

    public Task<KiteMarkSchemeDetails> GetAsync()
    {
        if (IsShipped)
        {
            return Task.FromResult(new KiteMarkSchemeDetails(KiteMarkSchemes.CheshireAndMerseyside, true, null, TemplateETag));
        }
        if (!scheme.RecordExists || scheme.State.Scheme is null)
        {
            throw new NotFoundException($"There is no Kite Mark scheme '{Key}'.");
        }
        return Task.FromResult(new KiteMarkSchemeDetails(scheme.State.Scheme, false, scheme.State.AwardingBodyId, scheme.Etag!));
    }

    public async Task<KiteMarkSchemeDetails> PutAsync(KiteMarkSchemeDefinition definition, string? awardingBodyId, VersionCondition? expected)
    {
        if (IsShipped)
        {
            throw new ConflictException(
                $"Scheme '{Key}' ships read-only from seed 002; define a local scheme under another id (copyFrom '{Key}') to change its criteria, must-dos or validity.");
        }
        if (scheme.RecordExists && scheme.State.AwardingBodyId != awardingBodyId)
        {
            throw new ConflictException($"Scheme '{Key}' belongs to awarding body '{scheme.State.AwardingBodyId}'.");
        }
        // A scheme not defined yet has no version: any If-Match, even *, fails on it (RFC 9110 §13.1.1).
        VersionCondition.Check(expected, scheme.RecordExists ? scheme.Etag : null);
        if (awardingBodyId is not null)
        {
            var body = await KiteMarkEligibility.OrganisationAsync(GrainFactory, awardingBodyId, "awardingBodyId");
            await KiteMarkEligibility.EnsureAwardingBodyAsync(GrainFactory, body);
        }
        var local = definition with { Id = Key };
        var errors = KiteMarkSchemes.Validate(local);
        if (errors.Count > 0)
        {
            throw new ValidationException(new Dictionary<string, string[]> { ["scheme"] = [.. errors] });
        }
        scheme.State = new KiteMarkSchemeState { Scheme = local, AwardingBodyId = awardingBodyId, UpdatedAt = time.GetUtcNow() };
        await scheme.WriteStateAsync();
        await FollowUpAsync("index", () => GrainFactory.GetGrain<IKiteMarkSchemeIndexGrain>(IKiteMarkSchemeIndexGrain.All)
            .UpsertAsync(new KiteMarkSchemeSummary(Key, local.Name, false, awardingBodyId, local.Validity)));
        return await GetAsync();
    }
}
