using Microsoft.Extensions.DependencyInjection;
using SocialValue.Indexes;
using SocialValue.Organisations;
using SocialValue.Silo.Tests.Infrastructure;

namespace SocialValue.Silo.Tests.Database;

public sealed class IndexStoreTests
{
    private const string Row = "FROM sv_index_entry WHERE index_name = 'organisations' AND scope = 'all'";

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Entries_are_upserted_deleted_and_loaded_one_row_each_per_scope(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var host = await TestSilos.StartAsync(database);
        var store = host.Services.GetRequiredService<IIndexStore>();

        await store.UpsertAsync("test", "a", "one", new OrganisationSummary("one", "One", OrganisationType.Vcfse, "Halton"));
        await store.UpsertAsync("test", "a", "two", new OrganisationSummary("two", "Two", OrganisationType.Vcfse, "Halton"));
        await store.UpsertAsync("test", "b", "one", new OrganisationSummary("one", "Other scope", OrganisationType.Vcfse, "Wirral"));
        await store.UpsertAsync("test", "a", "one", new OrganisationSummary("one", "One renamed", OrganisationType.LocalAuthority, "Halton"));
        await store.DeleteAsync("test", "a", "two");
        await store.DeleteAsync("test", "a", "never-there");

        Assert.Equal([new OrganisationSummary("one", "One renamed", OrganisationType.LocalAuthority, "Halton")],
            await store.LoadAsync<OrganisationSummary>("test", "a"));
        Assert.Equal("Other scope", Assert.Single(await store.LoadAsync<OrganisationSummary>("test", "b")).Name);
        Assert.Empty(await store.LoadAsync<OrganisationSummary>("other-index", "a"));
        Assert.Equal(2L, Convert.ToInt64(await database.ScalarAsync("SELECT count(*) FROM sv_index_entry WHERE index_name = 'test'")));
        var payload = (string)(await database.ScalarAsync("SELECT CAST(payload AS text) FROM sv_index_entry WHERE scope = 'a'"))!;
        Assert.Contains("\"type\":\"LocalAuthority\"", payload.Replace(" ", ""));
        await host.StopAndDisposeAsync();
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task An_unchanged_summary_costs_no_write_and_a_changed_one_rewrites_only_its_row(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var host = await TestSilos.StartAsync(database);
        var index = host.Grains().GetGrain<IOrganisationIndexGrain>(IOrganisationIndexGrain.All);
        var walsall = new OrganisationSummary("walsall", "Walsall Council", OrganisationType.LocalAuthority, "Walsall");
        await index.UpsertAsync(walsall);
        await index.UpsertAsync(new OrganisationSummary("halton", "Halton Council", OrganisationType.LocalAuthority, "Halton"));

        // Behind the grain's back: if the same summary wrote anything, the row would come back.
        await database.ExecuteAsync($"DELETE {Row} AND entry_id = 'walsall'");
        await index.UpsertAsync(walsall);
        Assert.Equal(1L, Convert.ToInt64(await database.ScalarAsync($"SELECT count(*) {Row}")));

        await index.UpsertAsync(walsall with { Name = "Walsall Metropolitan Borough Council" });
        Assert.Equal(2L, Convert.ToInt64(await database.ScalarAsync($"SELECT count(*) {Row}")));
        await host.StopAndDisposeAsync();

        var restarted = await TestSilos.StartAsync(database);
        var page = await restarted.Grains().GetGrain<IOrganisationIndexGrain>(IOrganisationIndexGrain.All).ListAsync(null, 10);
        Assert.Equal(["Halton Council", "Walsall Metropolitan Borough Council"], page.Items.Select(o => o.Name));
        Assert.Null(page.Next);
        await restarted.StopAndDisposeAsync();
    }
}
