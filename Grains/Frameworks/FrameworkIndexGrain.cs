using SocialValue.Runtime;

namespace SocialValue.Frameworks;

public sealed class FrameworkIndexGrain(IGrainContext context, IPersistentState<FrameworkIndexState> index)
    : Grain(context), IFrameworkIndexGrain
{
    public async Task UpsertAsync(FrameworkSummary summary)
    {
        if (index.State.Frameworks.TryGetValue(summary.Id, out var existing) && existing == summary)
        {
            return;
        }
        index.State.Frameworks[summary.Id] = summary;
        await index.WriteStateAsync();
    }

    public Task<IReadOnlyList<FrameworkSummary>> ListAsync()
    {
        var templates = ReferenceFrameworks.All.Select(f => new FrameworkSummary(f.Id, f.Name, true, null));
        var created = index.State.Frameworks.Values.OrderBy(f => f.Name, StringComparer.OrdinalIgnoreCase).ThenBy(f => f.Id);
        return Task.FromResult<IReadOnlyList<FrameworkSummary>>([.. templates, .. created]);
    }
}
