using System.Globalization;
using SocialValue.Errors;
using SocialValue.Indexes;

namespace SocialValue.KiteMark;

public sealed class KiteMarkApplicationIndexGrain(IIndexStore store)
    : IndexGrain<KiteMarkApplicationSummary>(store, "kite-mark-applications"), IKiteMarkApplicationIndexGrain
{
    public async Task OpenAsync(KiteMarkApplicationSummary summary)
    {
        var open = Entries.Entries.FirstOrDefault(a =>
            a.OrganisationId == summary.OrganisationId && a.Id != summary.Id && a.State.IsOpen());
        if (open is not null)
        {
            throw new ConflictException(
                $"Organisation '{summary.OrganisationId}' already has an open application '{open.Id}' ({open.State}) with awarding body '{Key}'.");
        }
        await WriteEntryAsync(summary);
    }

    public Task UpsertAsync(KiteMarkApplicationSummary summary) => WriteEntryAsync(summary);

    public Task<IndexPage<KiteMarkApplicationSummary>> ListAsync(IndexPosition? after, int limit, KiteMarkState? state) =>
        PageAsync(after, limit, state is null ? null : a => a.State == state);

    public Task<IReadOnlyList<KiteMarkApplicationSummary>> ListExpiringAsync(DateTimeOffset until) =>
        Task.FromResult<IReadOnlyList<KiteMarkApplicationSummary>>(
            [.. Entries.Entries.Where(a => a.State == KiteMarkState.Awarded && a.ValidUntil <= until).OrderBy(a => a.ValidUntil).ThenBy(a => a.Id, StringComparer.Ordinal)]);

    protected override IndexPosition PositionOf(KiteMarkApplicationSummary entry) => Recent(entry);

    /// <summary>Most recently changed first: the sort key counts down as UpdatedAt goes up.</summary>
    internal static IndexPosition Recent(KiteMarkApplicationSummary entry) =>
        new((DateTimeOffset.MaxValue.UtcTicks - entry.UpdatedAt.UtcTicks).ToString("D19", CultureInfo.InvariantCulture), entry.Id);
}
