using System.Net;
using System.Net.Http.Json;
using SocialValue.Silo.Tests.Contracts;
using SocialValue.Silo.Tests.Infrastructure;

namespace SocialValue.Silo.Tests.Api;

/// <summary>
/// The writes that came last to API.md's "every mutation honours If-Match and answers with the new ETag": revoking a
/// key, publishing the bid score and overall-level formulas, nominating and withdrawing a nomination. A stale tag is
/// 412 and changes nothing; a current one answers with the tag the next read gives.
/// </summary>
public sealed class VersionedWritesTests(IntegratorWorld world) : IClassFixture<IntegratorWorld>
{
    private const string Stale = "\"stale\"";
    private HttpClient Admin => world.Admin;

    [Fact]
    public async Task Revoking_a_key_with_a_stale_tag_is_412_and_the_key_still_works()
    {
        var created = await Admin.PostJsonAsync("/api/keys", new { name = "Versioned", role = "Viewer", organisationId = Commissioning.Council });
        var key = await created.AssertJsonAsync(HttpStatusCode.Created);
        var path = $"/api/keys/{key.GetProperty("id").GetString()}";
        var tag = (await Admin.GetAsync(path)).Headers.ETag!.Tag;
        Assert.Equal(created.Headers.ETag!.Tag, tag);
        var holder = world.Silo.Client(key.GetProperty("key").GetString());

        await SendAsync(HttpMethod.Delete, path, null, Stale).AssertProblemAsync(HttpStatusCode.PreconditionFailed);

        Assert.False((await Admin.GetAsync(path).AssertJsonAsync(HttpStatusCode.OK)).GetProperty("revoked").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, (await holder.GetAsync($"/api/organisations/{Commissioning.Council}")).StatusCode);

        var revoked = await SendAsync(HttpMethod.Delete, path, null, tag);
        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        var read = await Admin.GetAsync(path);
        Assert.True((await read.AssertJsonAsync(HttpStatusCode.OK)).GetProperty("revoked").GetBoolean());
        Assert.NotEqual(tag, revoked.Headers.ETag!.Tag);
        Assert.Equal(read.Headers.ETag, revoked.Headers.ETag);
        Assert.Equal(HttpStatusCode.Unauthorized, (await holder.GetAsync($"/api/organisations/{Commissioning.Council}")).StatusCode);
    }

    [Theory]
    [InlineData("POST", "/api/formulas/bid-score", "(Input(\"delivery\") + Input(\"measurement\")) / 10", HttpStatusCode.Created)]
    [InlineData("PUT", "/api/maturity/overall-formula", "Max(\"levels\") * 1 + 0", HttpStatusCode.OK)]
    public async Task Publishing_a_formula_over_a_stale_version_is_412_and_publishes_nothing(
        string method, string path, string source, HttpStatusCode status)
    {
        var before = await Admin.GetAsync(path);
        var tag = before.Headers.ETag!.Tag;
        var versions = await VersionCountAsync(path);

        await SendAsync(new HttpMethod(method), path, new { source }, Stale).AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        Assert.Equal(versions, await VersionCountAsync(path));
        Assert.Equal(tag, (await Admin.GetAsync(path)).Headers.ETag!.Tag);

        var published = await SendAsync(new HttpMethod(method), path, new { source }, $"{Stale}, {tag}");
        var version = await published.AssertJsonAsync(status);
        Assert.Equal($"\"{version.GetProperty("version").GetInt32()}\"", published.Headers.ETag!.Tag);
        Assert.Equal(published.Headers.ETag, (await Admin.GetAsync(path)).Headers.ETag);
        Assert.Equal(versions + 1, await VersionCountAsync(path));

        await SendAsync(new HttpMethod(method), path, new { source }, tag).AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        Assert.Equal(versions + 1, await VersionCountAsync(path));
    }

    [Fact]
    public async Task Nominating_again_or_withdrawing_with_a_stale_tag_is_412_and_the_nomination_stands()
    {
        await world.Commissioning.PostAsync("/api/organisations", new { id = "versioned-body", name = "Versioned Body", type = "Vcfse", place = "Wirral" });
        const string path = "/api/kitemark/nominations/versioned-body";
        var champion = world.KiteMark.Champion;
        await Send(champion, HttpMethod.Put, path, new { }, "*").AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        Assert.Null(await NominationAsync("versioned-body"));

        var nominated = await champion.PutAsJsonAsync(path, new { });
        var first = await nominated.AssertJsonAsync(HttpStatusCode.OK);
        var tag = nominated.Headers.ETag!.Tag;

        await Send(champion, HttpMethod.Put, path, new { }, Stale).AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        await Send(champion, HttpMethod.Delete, path, null, Stale).AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        Assert.Equal(first.GetProperty("nominatedAt").GetString(), (await NominationAsync("versioned-body"))?.GetProperty("nominatedAt").GetString());

        var again = await Send(champion, HttpMethod.Put, path, new { }, tag);
        await again.AssertJsonAsync(HttpStatusCode.OK);
        Assert.NotEqual(tag, again.Headers.ETag!.Tag);
        await Send(champion, HttpMethod.Delete, path, null, tag).AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        Assert.NotNull(await NominationAsync("versioned-body"));

        Assert.Equal(HttpStatusCode.NoContent, (await Send(champion, HttpMethod.Delete, path, null, again.Headers.ETag.Tag)).StatusCode);
        Assert.Null(await NominationAsync("versioned-body"));
    }

    private async Task<int> VersionCountAsync(string formulaPath)
    {
        var versions = formulaPath.Contains("bid-score", StringComparison.Ordinal)
            ? (await Admin.GetAsync(formulaPath).AssertJsonAsync(HttpStatusCode.OK)).GetProperty("versions")
            : await Admin.GetAsync($"{formulaPath}/versions?limit=1000").AssertJsonAsync(HttpStatusCode.OK);
        return versions.GetArrayLength();
    }

    private async Task<System.Text.Json.JsonElement?> NominationAsync(string organisationId)
    {
        var list = await Admin.GetAsync("/api/kitemark/nominations?limit=1000").AssertJsonAsync(HttpStatusCode.OK);
        return list.EnumerateArray().Where(n => n.GetProperty("organisationId").GetString() == organisationId)
            .Select(n => (System.Text.Json.JsonElement?)n).FirstOrDefault();
    }

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body, string ifMatch) => Send(Admin, method, path, body, ifMatch);

    private static Task<HttpResponseMessage> Send(HttpClient client, HttpMethod method, string path, object? body, string ifMatch)
    {
        var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, body.GetType());
        }
        request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return client.SendAsync(request);
    }
}
