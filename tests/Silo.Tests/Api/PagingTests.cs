using System.Net;
using SocialValue.Organisations;
using SocialValue.Silo.Tests.Infrastructure;

namespace SocialValue.Silo.Tests.Api;

public sealed class PagingTests
{
    private const int Organisations = 2500;

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Thousands_of_organisations_come_back_in_pages_that_list_each_once_in_order(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var silo = await TestSilo.StartAsync(database);
        // Many names repeat, so order within a name falls to the id.
        var created = Enumerable.Range(0, Organisations)
            .Select(i => (Id: $"org-{i:D4}", Name: $"{(i % 2 == 0 ? "north" : "North")} Partner {i * 7 % 900:D3}"))
            .ToList();
        await Parallel.ForEachAsync(created, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (o, _) =>
            await silo.Grains.GetGrain<IOrganisationGrain>(o.Id).CreateAsync(new OrganisationProfile(o.Name, OrganisationType.Vcfse, "Halton")));
        var admin = silo.Client();

        var listed = new List<string>();
        var pages = 0;
        for (var next = "/api/organisations?limit=300&place=ignored"; next is not null; pages++)
        {
            var response = await admin.GetAsync(next);
            var page = await response.AssertJsonAsync(HttpStatusCode.OK);
            listed.AddRange(page.EnumerateArray().Select(o => o.GetProperty("id").GetString()!));
            next = response.NextLink();
            if (next is not null)
            {
                Assert.Equal(300, page.GetArrayLength());
                Assert.StartsWith("/api/organisations?", next);
                Assert.Contains("limit=300", next);
                Assert.Contains("place=ignored", next);
            }
        }

        Assert.Equal(9, pages);
        var expected = created
            .OrderBy(o => o.Name, StringComparer.OrdinalIgnoreCase).ThenBy(o => o.Id, StringComparer.Ordinal)
            .Select(o => o.Id);
        Assert.Equal(expected, listed);

        var first = await admin.GetAsync("/api/organisations");
        Assert.Equal(100, (await first.AssertJsonAsync(HttpStatusCode.OK)).GetArrayLength());
        Assert.NotNull(first.NextLink());
        var thousand = await admin.GetAsync("/api/organisations?limit=1000");
        var second = await admin.GetAsync(thousand.NextLink());
        Assert.Equal(1000, (await second.AssertJsonAsync(HttpStatusCode.OK)).GetArrayLength());
        var last = await admin.GetAsync(second.NextLink());
        Assert.Equal(Organisations - 2000, (await last.AssertJsonAsync(HttpStatusCode.OK)).GetArrayLength());
        Assert.Null(last.NextLink());
    }

    [Fact]
    public async Task A_page_continues_after_the_last_entry_it_saw_even_when_that_entry_was_renamed()
    {
        await using var database = TestDatabase.Sqlite();
        await using var silo = await TestSilo.StartAsync(database);
        foreach (var name in new[] { "Alpha", "Bravo", "Charlie", "Delta" })
        {
            await silo.Grains.GetGrain<IOrganisationGrain>(name.ToLowerInvariant())
                .CreateAsync(new OrganisationProfile(name, OrganisationType.Vcfse, "Halton"));
        }
        var admin = silo.Client();
        var first = await admin.GetAsync("/api/organisations?limit=2");
        Assert.Equal(["alpha", "bravo"], (await first.AssertJsonAsync(HttpStatusCode.OK)).EnumerateArray().Select(o => o.GetProperty("id").GetString()));

        await silo.Grains.GetGrain<IOrganisationGrain>("bravo").UpdateAsync(new OrganisationProfile("Zulu", OrganisationType.Vcfse, "Halton"), null);

        var second = await (await admin.GetAsync(first.NextLink())).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(["charlie", "delta"], second.EnumerateArray().Select(o => o.GetProperty("id").GetString()));
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=1001", "limit")]
    [InlineData("limit=ten", "limit")]
    [InlineData("limit=-1", "limit")]
    [InlineData("cursor=not%20a%20cursor", "cursor")]
    [InlineData("cursor=Tk9UIEEgU0xVRwpzb21ldGhpbmc", "cursor")]
    [InlineData("cursor=", "cursor")]
    public async Task A_limit_out_of_bounds_or_a_cursor_not_given_by_the_service_is_422_naming_it(string query, string field)
    {
        await using var database = TestDatabase.Sqlite();
        await using var silo = await TestSilo.StartAsync(database);

        foreach (var path in new[] { "/api/organisations", "/api/frameworks", "/api/kitemark/register" })
        {
            var problem = await (await silo.Client().GetAsync($"{path}?{query}")).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"{path}?{query}: {problem}");
        }
    }
}
