using Microsoft.Extensions.DependencyInjection;
using SocialValue.Indexes;
using SocialValue.KiteMark;
using SocialValue.Silo.Tests.Infrastructure;

namespace SocialValue.Silo.Tests.Api;

/// <summary>
/// An application made before its applicant had an index of its own is found again at the next start, from its
/// awarding body's index, and a further start changes nothing.
/// </summary>
public sealed class KiteMarkApplicantBackfillTests
{
    private const string Index = "kite-mark-applications-by-applicant";

    [Fact]
    public async Task An_application_missing_from_its_applicants_index_is_added_back_at_start_once()
    {
        await using var database = TestDatabase.Sqlite();
        await using (var silo = await TestSilo.StartAsync(database))
        {
            var parties = await KiteMarkParties.CreateAsync(silo);
            await parties.ApplyAsync("before-the-index");
            // As an old database has it: the body's index lists the application, the applicant's does not.
            var store = silo.Services.GetRequiredService<IIndexStore>();
            await store.DeleteAsync(Index, "alder-hey", "before-the-index");
            Assert.Empty(await store.LoadAsync<KiteMarkApplicationSummary>(Index, "alder-hey"));
        }

        await using (var restarted = await TestSilo.StartAsync(database))
        {
            var found = await IndexPaging.AllAsync(restarted.Grains.GetGrain<IKiteMarkApplicantIndexGrain>("alder-hey").ListAsync);
            var line = Assert.Single(found);
            Assert.Equal(("before-the-index", "wirral-council"), (line.Id, line.AwardingBodyId));
        }

        await using var again = await TestSilo.StartAsync(database);
        var stored = await again.Services.GetRequiredService<IIndexStore>().LoadAsync<KiteMarkApplicationSummary>(Index, "alder-hey");
        Assert.Equal("before-the-index", Assert.Single(stored).Id);
    }
}
