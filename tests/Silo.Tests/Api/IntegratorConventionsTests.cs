using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using SocialValue.Silo.Tests.Infrastructure;

namespace SocialValue.Silo.Tests.Api;

/// <summary>API.md "Conventions" an integrator relies on, over HTTP against the real Silo: paging, ETags, Locations, 400s.</summary>
public sealed class IntegratorConventionsTests(IntegratorWorld world) : IClassFixture<IntegratorWorld>
{
    private const string Contract = $"/api/contracts/{IntegratorWorld.Live}";
    private HttpClient Admin => world.Admin;

    [Theory]
    [InlineData("/api/organisations", "id", "admin")]
    [InlineData("/api/organisations/walsall-council/contracts", "id", "admin")]
    [InlineData("/api/frameworks", "id", "admin")]
    [InlineData($"/api/contracts/{IntegratorWorld.Tendered}/bids", "bid.id", "admin")]
    [InlineData($"{Contract}/returns", "id", "admin")]
    [InlineData("/api/frameworks/walsall-sv/measures/new-jobs/formula/versions", "version", "admin")]
    [InlineData("/api/maturity/overall-formula/versions", "version", "admin")]
    [InlineData("/api/kitemark/schemes", "id", "champion")]
    [InlineData("/api/kitemark/nominations", "organisationId", "champion")]
    [InlineData("/api/kitemark/applications", "id", "champion")]
    [InlineData("/api/kitemark/applications/expiring?days=3000", "id", "champion")]
    [InlineData("/api/kitemark/register", "applicationId", "anonymous")]
    public async Task Every_list_comes_in_pages_that_together_list_each_entry_once_in_the_order_of_the_whole(string path, string key, string who)
    {
        var client = world.Client(who);
        var whole = await client.GetAsync(Limited(path, 1000));
        var all = (await whole.AssertJsonAsync(HttpStatusCode.OK)).EnumerateArray().Select(e => IntegratorWorld.Value(e, key)).ToList();
        Assert.Null(whole.NextLink());
        Assert.True(all.Count >= 2, $"{path} lists {all.Count}; the test needs at least two.");
        Assert.Equal(all.Count, all.Distinct().Count());

        var paged = new List<string>();
        var pages = 0;
        for (var next = Limited(path, 1); next is not null; pages++)
        {
            var response = await client.GetAsync(next);
            var page = await response.AssertJsonAsync(HttpStatusCode.OK);
            Assert.Equal(JsonValueKind.Array, page.ValueKind);
            paged.AddRange(page.EnumerateArray().Select(e => IntegratorWorld.Value(e, key)));
            next = response.NextLink();
            Assert.Equal(1, page.GetArrayLength());
            Assert.True(next is null || next.StartsWith(path.Split('?')[0] + "?", StringComparison.Ordinal), next);
        }

        Assert.Equal(all, paged);
        Assert.Equal(all.Count, pages);
        var unlimited = await client.GetAsync(path);
        Assert.Equal(all.Take(100), (await unlimited.AssertJsonAsync(HttpStatusCode.OK)).EnumerateArray().Select(e => IntegratorWorld.Value(e, key)));
    }

    [Theory]
    [InlineData($"/api/contracts/{IntegratorWorld.Tendered}/bids?limit=0", "limit", "admin")]
    [InlineData($"{Contract}/returns?limit=1001", "limit", "admin")]
    [InlineData("/api/kitemark/applications/expiring?cursor=bm90IG91cnM", "cursor", "champion")]
    [InlineData("/api/maturity/overall-formula/versions?limit=many", "limit", "admin")]
    public async Task A_bad_limit_or_cursor_on_a_list_one_grain_holds_is_422_naming_it(string path, string field, string who)
    {
        var problem = await world.Client(who).GetAsync(path).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Theory]
    [InlineData("/api/organisations/walsall-council")]
    [InlineData("/api/organisations")]
    [InlineData($"{Contract}")]
    [InlineData($"{Contract}/bids/acme")]
    [InlineData($"{Contract}/returns/return-3")]
    [InlineData($"{Contract}/returns")]
    [InlineData($"{Contract}/social-value")]
    [InlineData($"{Contract}/transitions")]
    [InlineData("/api/frameworks/walsall-sv")]
    [InlineData("/api/frameworks/walsall-sv/measures/new-jobs")]
    [InlineData("/api/kitemark/applications/award-acme")]
    [InlineData("/api/kitemark/applications/award-acme/evidence/e1")]
    [InlineData("/api/kitemark/schemes/wirral")]
    [InlineData("/api/maturity/model")]
    [InlineData("/api/formulas/bid-score")]
    public async Task Every_read_has_an_etag_and_a_matching_if_none_match_is_304_without_a_body(string path)
    {
        var read = await Admin.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        var etag = read.Headers.ETag ?? throw new Xunit.Sdk.XunitException($"{path} has no ETag.");
        Assert.False(etag.IsWeak);

        foreach (var header in new[] { etag.ToString(), $"W/{etag.Tag}", $"\"elsewhere\", {etag.Tag}", "*" })
        {
            using var again = new HttpRequestMessage(HttpMethod.Get, path);
            again.Headers.TryAddWithoutValidation("If-None-Match", header);
            var notModified = await Admin.SendAsync(again);
            Assert.True(HttpStatusCode.NotModified == notModified.StatusCode, $"{path} with If-None-Match {header}: {(int)notModified.StatusCode}");
            Assert.Equal(etag, notModified.Headers.ETag);
            Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());
        }
        using var other = new HttpRequestMessage(HttpMethod.Get, path);
        other.Headers.TryAddWithoutValidation("If-None-Match", "\"not-this-one\", W/\"nor-this\"");
        var changed = await Admin.SendAsync(other);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(await read.Content.ReadAsStringAsync(), await changed.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData($"{Contract}/performance")]
    [InlineData("/api/organisations/walsall-council/report?year=2026")]
    [InlineData("/api/organisations/walsall-council/report?year=2026&format=csv")]
    public async Task A_read_that_changes_with_the_clock_is_tagged_by_its_body(string path)
    {
        var read = await Admin.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.False(read.Headers.ETag!.IsWeak);
        Assert.NotEqual((await Admin.GetAsync(Contract)).Headers.ETag, read.Headers.ETag);
    }

    [Fact]
    public async Task A_list_tag_is_of_its_page_body_and_changes_when_the_list_does()
    {
        var before = await Admin.GetAsync("/api/organisations?limit=1000");
        await world.Commissioning.PostAsync("/api/organisations", new { id = "new-listed", name = "Newly listed", type = "Vcfse", place = "Wirral" });

        using var revalidate = new HttpRequestMessage(HttpMethod.Get, "/api/organisations?limit=1000");
        revalidate.Headers.IfNoneMatch.Add(before.Headers.ETag!);
        var after = await Admin.SendAsync(revalidate);

        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.NotEqual(before.Headers.ETag, after.Headers.ETag);
        Assert.Contains("new-listed", await after.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task If_match_takes_a_list_or_star_compares_strongly_and_a_write_answers_with_the_new_tag()
    {
        await world.Commissioning.PostAsync("/api/organisations", new { id = "if-match", name = "If Match", type = "Vcfse", place = "Wirral" });
        const string path = "/api/organisations/if-match";
        var tag = (await Admin.GetAsync(path)).Headers.ETag!.Tag;

        var listed = await PutPlaceAsync(path, "Sefton", $"\"stale\", {tag}");
        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        var newTag = listed.Headers.ETag!.Tag;
        Assert.NotEqual(tag, newTag);
        Assert.Equal(newTag, (await Admin.GetAsync(path)).Headers.ETag!.Tag);

        await (await PutPlaceAsync(path, "Halton", tag)).AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        await (await PutPlaceAsync(path, "Halton", $"W/{newTag}")).AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        await (await PutPlaceAsync(path, "Halton", "not a tag")).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("Sefton", (await Admin.GetAsync(path).AssertJsonAsync(HttpStatusCode.OK)).GetProperty("place").GetString());

        var star = await PutPlaceAsync(path, "Knowsley", "*");
        Assert.Equal(HttpStatusCode.OK, star.StatusCode);
        Assert.NotEqual(newTag, star.Headers.ETag!.Tag);
        await (await PutPlaceAsync("/api/organisations/no-such-organisation", "Knowsley", "*")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task If_match_star_on_a_maturity_never_assessed_is_412_and_nothing_is_stored()
    {
        await world.Commissioning.PostAsync("/api/organisations", new { id = "unassessed", name = "Unassessed", type = "Vcfse", place = "Wirral" });
        var dimensions = "ABCDEFGHIJ".Select(c => new { code = c.ToString(), present = "Follower", target = "Mature" });
        using var request = new HttpRequestMessage(HttpMethod.Put, "/api/organisations/unassessed/maturity") { Content = JsonContent.Create(new { dimensions }) };
        request.Headers.TryAddWithoutValidation("If-Match", "*");

        await (await Admin.SendAsync(request)).AssertProblemAsync(HttpStatusCode.PreconditionFailed);

        Assert.NotEqual(HttpStatusCode.OK, (await Admin.GetAsync("/api/organisations/unassessed/maturity")).StatusCode);
    }

    [Fact]
    public async Task A_write_to_part_of_a_resource_answers_with_the_resource_new_tag_and_a_stale_one_changes_nothing()
    {
        var contract = await Admin.GetAsync($"/api/contracts/{IntegratorWorld.Tendered}");
        var tag = contract.Headers.ETag!.Tag;
        var bid = new
        {
            id = "tagged-bid", supplier = "Tagged Ltd", price = 1000, commitments = new[] { new { measureId = "new-jobs", target = 1 } },
            answers = new { delivery = "d", measurement = "m" },
        };

        var created = await SendAsync(HttpMethod.Post, $"/api/contracts/{IntegratorWorld.Tendered}/bids", bid, tag);
        await created.AssertJsonAsync(HttpStatusCode.Created);
        Assert.Equal((await Admin.GetAsync($"/api/contracts/{IntegratorWorld.Tendered}")).Headers.ETag, created.Headers.ETag);

        var stale = await SendAsync(HttpMethod.Post, $"/api/contracts/{IntegratorWorld.Tendered}/bids", bid with { id = "stale-bid" }, tag);
        await stale.AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        await Admin.GetAsync($"/api/contracts/{IntegratorWorld.Tendered}/bids/stale-bid").AssertProblemAsync(HttpStatusCode.NotFound);

        var framework = (await Admin.GetAsync("/api/frameworks/walsall-sv")).Headers.ETag!.Tag;
        var theme = await SendAsync(HttpMethod.Post, "/api/frameworks/walsall-sv/themes", new { id = "tagged-theme", name = "Tagged" }, framework);
        await theme.AssertJsonAsync(HttpStatusCode.Created);
        Assert.Equal((await Admin.GetAsync("/api/frameworks/walsall-sv")).Headers.ETag, theme.Headers.ETag);
        await (await SendAsync(HttpMethod.Post, "/api/frameworks/walsall-sv/themes", new { id = "stale-theme", name = "Stale" }, framework))
            .AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        var themes = (await Admin.GetAsync("/api/frameworks/walsall-sv").AssertJsonAsync(HttpStatusCode.OK)).GetProperty("themes");
        Assert.DoesNotContain(themes.EnumerateArray(), t => t.GetProperty("id").GetString() == "stale-theme");

    }

    [Fact]
    public async Task Every_location_of_a_201_answers_get_with_the_created_resource()
    {
        var officer = world.KiteMark.Officer;
        // Each create route, with the property of its 201 body that the resource at its Location shows.
        var created = new List<(HttpResponseMessage Response, string Property)>
        {
            (await Admin.PostAsJsonAsync("/api/organisations", new { id = "located", name = "Located", type = "Vcfse", place = "Wirral" }), "id"),
            (await Admin.PostAsJsonAsync("/api/contracts", new { id = "located-contract", organisationId = "walsall-council", title = "Located", value = 10 }), "id"),
            (await Admin.PostAsJsonAsync($"/api/contracts/{IntegratorWorld.Tendered}/bids", new
            {
                id = "located-bid", supplier = "Located Ltd", price = 10, commitments = Array.Empty<object>(), answers = new { delivery = "d", measurement = "m" },
            }), "id"),
            (await Admin.PostAsJsonAsync("/api/frameworks", new { id = "located-framework", name = "Located" }), "id"),
            (await Admin.PostAsJsonAsync("/api/frameworks/located-framework/themes", new { id = "located-theme", name = "Theme" }), "id"),
            (await Admin.PostAsJsonAsync("/api/frameworks/located-framework/themes/located-theme/outcomes", new { id = "located-outcome", name = "Outcome" }), "id"),
            (await Admin.PostAsJsonAsync("/api/frameworks/located-framework/measures",
                new { id = "located-measure", themeId = "located-theme", outcomeId = "located-outcome", title = "M", unit = "£", formula = "Quantity" }), "id"),
            (await Admin.PostAsJsonAsync("/api/frameworks/located-framework/measures/located-measure/formula", new { source = "Quantity * 2" }), "version"),
            (await Admin.PostAsJsonAsync("/api/formulas/bid-score", new { source = "Input(\"delivery\") * 0.1 + Input(\"measurement\") * 0.1" }), "version"),
            (await Admin.PostAsJsonAsync("/api/keys", new { name = "Located key", role = "Viewer", organisationId = "located" }), "id"),
            (await officer.PostAsJsonAsync("/api/kitemark/applications",
                new { id = "located-application", organisationId = "alder-hey", awardingBodyId = "wirral-council", consentToPublish = true }), "id"),
            (await officer.PostAsJsonAsync("/api/kitemark/applications/located-application/evidence", new { criterionId = "social-1", description = "Located" }), "id"),
        };

        foreach (var (response, property) in created)
        {
            var body = await response.AssertJsonAsync(HttpStatusCode.Created);
            var location = response.Headers.Location?.ToString() ?? throw new Xunit.Sdk.XunitException($"{response.RequestMessage!.RequestUri} has no Location.");
            var read = await Admin.GetAsync(location);
            var shown = await read.Content.ReadAsStringAsync();
            Assert.True(read.StatusCode == HttpStatusCode.OK, $"GET {location}: {(int)read.StatusCode} {shown}");
            var expected = $"\"{property}\":{body.GetProperty(property).GetRawText()}";
            Assert.True(shown.Contains(expected, StringComparison.Ordinal), $"GET {location} does not show {expected}: {shown}");
        }
    }

    [Fact]
    public async Task A_return_created_answers_get_at_its_location()
    {
        await world.Commissioning.ToLiveAsync("located-live");
        var response = await Admin.PostJsonAsync("/api/contracts/located-live/returns",
            new { id = "located-return", period = Contracts.Commissioning.Period(0), lines = new[] { new { measureId = "new-jobs", quantity = 2 } } });
        await response.AssertJsonAsync(HttpStatusCode.Created);

        Assert.Equal("/api/contracts/located-live/returns/located-return", response.Headers.Location!.ToString());
        var read = await Admin.GetAsync(response.Headers.Location).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal("located-return", read.GetProperty("id").GetString());
        Assert.Equal("Submitted", read.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_single_bid_return_or_evidence_follows_the_access_rules_of_its_list()
    {
        var supplier = await world.Commissioning.KeyAsync(Admin, "Supplier", Contracts.Commissioning.Supplier);
        await world.Commissioning.PostAsync("/api/organisations", new { id = "outsider", name = "Outsider", type = "Vcfse", place = "Wirral" });
        var outsider = await world.Commissioning.KeyAsync(Admin, "Officer", "outsider");

        Assert.Equal(HttpStatusCode.OK, (await supplier.GetAsync($"{Contract}/returns/return-1")).StatusCode);
        await supplier.GetAsync($"{Contract}/bids/acme").AssertProblemAsync(HttpStatusCode.Forbidden);
        await outsider.GetAsync($"{Contract}/returns/return-1").AssertProblemAsync(HttpStatusCode.Forbidden);
        await outsider.GetAsync("/api/kitemark/applications/award-acme/evidence/e1").AssertProblemAsync(HttpStatusCode.Forbidden);
        await Admin.GetAsync($"{Contract}/bids/no-such-bid").AssertProblemAsync(HttpStatusCode.NotFound);
        await Admin.GetAsync($"{Contract}/returns/no-such-return").AssertProblemAsync(HttpStatusCode.NotFound);
        await Admin.GetAsync("/api/kitemark/applications/award-acme/evidence/e999").AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("POST", "/api/organisations", "{\"name\": 5, \"type\": \"Vcfse\", \"place\": \"W\"}", "name", "a string")]
    [InlineData("POST", "/api/organisations", "{\"name\": \"X\", \"type\": \"Spaceport\", \"place\": \"W\"}", "type", "one of NhsProvider, LocalAuthority")]
    [InlineData("POST", "/api/organisations", "{\"name\": \"X\", \"type\": 1, \"place\": \"W\"}", "type", "one of")]
    [InlineData("POST", "/api/contracts", "{\"organisationId\": \"walsall-council\", \"title\": \"T\", \"value\": \"lots\"}", "value", "a number")]
    [InlineData("POST", "/api/contracts", "{\"organisationId\": \"walsall-council\",\n \"title\": \"T\",\n \"value\": }", "", "line 3")]
    [InlineData("POST", $"/api/contracts/{IntegratorWorld.Tendered}/bids", "[1, 2]", "", "an object")]
    [InlineData("POST", $"/api/contracts/{IntegratorWorld.Tendered}/bids", "{\"supplier\": \"S\", \"price\": 1, \"commitments\": [{\"measureId\": \"new-jobs\", \"target\": \"ten\"}]}", "commitments[0].target", "a number")]
    [InlineData("POST", $"{Contract}/returns", "{\"period\": \"2026-Q1\", \"lines\": {\"measureId\": \"new-jobs\"}}", "lines", "an array")]
    [InlineData("PUT", $"{Contract}/returns/return-3/verification", "{\"accepted\": \"yes\"}", "accepted", "true or false")]
    [InlineData("PUT", "/api/frameworks/walsall-sv/proxy-values/JOB", "{\"value\": 1, \"effectiveFrom\": \"next spring\"}", "effectiveFrom", "a date")]
    [InlineData("POST", "/api/frameworks/walsall-sv/measures/new-jobs/evaluate", "{\"quantity\": 1, \"inputs\": {\"hours\": \"many\"}}", "inputs.hours", "a number")]
    [InlineData("POST", "/api/keys", "{\"name\": \"k\", \"role\": \"Overlord\"}", "role", "one of Admin, Champion, Officer, Supplier, Viewer")]
    [InlineData("GET", "/api/kitemark/applications/expiring?days=soon", null, "days", "a whole number")]
    [InlineData("GET", "/api/kitemark/applications?state=Pending", null, "state", "one of Draft, Submitted")]
    public async Task A_body_or_query_that_cannot_be_read_is_400_in_the_client_terms(string method, string path, string? body, string field, string expected)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        var problem = await (await Admin.SendAsync(request)).AssertProblemAsync(HttpStatusCode.BadRequest);

        var detail = problem.GetProperty("detail").GetString()!;
        Assert.Contains(expected, detail);
        if (field.Length > 0)
        {
            Assert.Contains($"'{field}'", detail);
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        }
        foreach (var dotnetism in new[] { "System.", "SocialValue.", "Path:", "LineNumber", "BytePosition", "`1", "Nullable", "parameter" })
        {
            Assert.DoesNotContain(dotnetism, problem.ToString());
        }
        Assert.DoesNotMatch(@"[A-Z][a-z]+Request\b", problem.ToString());
    }

    private static string Limited(string path, int limit) => $"{path}{(path.Contains('?') ? '&' : '?')}limit={limit}";

    private Task<HttpResponseMessage> PutPlaceAsync(string path, string place, string ifMatch) =>
        SendAsync(HttpMethod.Put, path, new { name = "If Match", type = "Vcfse", place }, ifMatch);

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object body, string ifMatch)
    {
        var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body, body.GetType()) };
        request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return Admin.SendAsync(request);
    }
}
