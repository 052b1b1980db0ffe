using System.Net;
using System.Net.Http.Json;
using SocialValue.Silo.Tests.Infrastructure;

namespace SocialValue.Silo.Tests.Api;

public sealed class OrganisationsApiTests
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Organisations_are_created_listed_read_and_updated_over_http(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var silo = await TestSilo.StartAsync(database);
        var admin = silo.Client();

        var created = await admin.PostAsJsonAsync("/api/organisations",
            new { id = "walsall-council", name = "Walsall Council", type = "LocalAuthority", place = "Walsall" });
        var body = await created.AssertJsonAsync(HttpStatusCode.Created);
        Assert.Equal("/api/organisations/walsall-council", created.Headers.Location!.OriginalString);
        Assert.Equal("LocalAuthority", body.GetProperty("type").GetString());
        await admin.PostAsJsonAsync("/api/organisations", new { id = "alder-hey", name = "Alder Hey", type = "NhsProvider", place = "Cheshire & Merseyside" });

        var list = await (await admin.GetAsync("/api/organisations")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(["alder-hey", "walsall-council"], list.EnumerateArray().Select(o => o.GetProperty("id").GetString()));

        var updated = await admin.PutAsJsonAsync("/api/organisations/walsall-council",
            new { name = "Walsall Metropolitan Borough Council", type = "LocalAuthority", place = "Walsall" });
        await updated.AssertJsonAsync(HttpStatusCode.OK);

        var read = await admin.GetAsync("/api/organisations/walsall-council");
        var organisation = await read.AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Walsall Metropolitan Borough Council", organisation.GetProperty("name").GetString());
        Assert.Equal("\"2\"", read.Headers.ETag!.Tag);
        var relisted = await (await admin.GetAsync("/api/organisations")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Contains(relisted.EnumerateArray(), o => o.GetProperty("name").GetString() == "Walsall Metropolitan Borough Council");
    }
}
