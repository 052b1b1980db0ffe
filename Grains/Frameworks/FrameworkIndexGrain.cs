using SocialValue.Indexes;
using Orleans.Runtime;

namespace SocialValue.Frameworks;

public sealed class FrameworkIndexGrain([PersistentState("framework-index", "store")] IPersistentState<IndexState<FrameworkSummary>> index)
    : IndexGrain<FrameworkSummary>(index), IFrameworkIndexGrain
{
    public Task UpsertAsync(FrameworkSummary summary) => UpsertAsync(summary.Id, summary);

    public Task<IReadOnlyList<FrameworkSummary>> ListAsync()
    {
        var templates = ReferenceFrameworks.All.Select(f => new FrameworkSummary(f.Id, f.Name, true, null));
        var created = Entries.OrderBy(f => f.Name, StringComparer.OrdinalIgnoreCase).ThenBy(f => f.Id);
        return Task.FromResult<IReadOnlyList<FrameworkSummary>>([.. templates, .. created]);
    }
}
