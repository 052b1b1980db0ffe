using Orleans;
using SocialValue.Errors;
using SocialValue.Frameworks;
using SocialValue.Organisations;

namespace SocialValue.Api.Web.Pages;

/// <summary>Names for the ids pages would otherwise show: people read "Wirral Council", not "wirral-council".</summary>
internal static class PageNames
{
    /// <summary>The organisation's name, or its id when there is no such organisation any more.</summary>
    public static async Task<string> OrganisationAsync(IGrainFactory grains, string id) =>
        (await grains.GetGrain<IOrganisationIndexGrain>(IOrganisationIndexGrain.All).FindAsync(id))?.Name ?? id;

    /// <summary>The framework's name, or its id when there is no such framework.</summary>
    public static async Task<string> FrameworkAsync(IGrainFactory grains, string id) =>
        await FrameworkOrNullAsync(grains, id) is { } framework ? framework.Name : id;

    public static async Task<FrameworkDetails?> FrameworkOrNullAsync(IGrainFactory grains, string id)
    {
        try
        {
            return await grains.GetGrain<IFrameworkGrain>(id).GetAsync();
        }
        catch (NotFoundException)
        {
            return null;
        }
    }
}
