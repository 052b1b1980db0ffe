using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using SocialValue.Silo.Tests.Infrastructure;

namespace SocialValue.Silo.Tests.Api;

/// <summary>API.md "Conventions" over HTTP through the real pipeline on a real SQLite file.</summary>
public sealed class ApiConventionTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private TestSilo _silo = null!;
    private HttpClient _admin = null!;

    public async Task InitializeAsync()
    {
        _database = TestDatabase.Sqlite();
        _silo = await TestSilo.StartAsync(_database, ["--Api:MaxRequestBodyBytes=4096"]);
        _admin = _silo.Client();
        await CreateOrganisationAsync("org-a", "Organisation A");
        await CreateOrganisationAsync("org-b", "Organisation B");
    }

    public async Task DisposeAsync()
    {
        await _silo.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task No_key_is_401_with_problem_details()
    {
        var response = await _silo.Client(key: null).GetAsync("/api/organisations");

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Theory]
    [InlineData("not-a-key")]
    [InlineData("sv_nosuchkey_secret")]
    [InlineData("sv_bootstrap_wrong-secret")]
    public async Task An_unknown_key_is_401(string key)
    {
        var response = await _silo.Client(key).GetAsync("/api/organisations");

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_issued_key_works_until_it_is_revoked()
    {
        var (id, key) = await IssueKeyAsync("Officer", "org-a");
        var officer = _silo.Client(key);
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync("/api/organisations/org-a")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await _admin.DeleteAsync($"/api/keys/{id}")).StatusCode);

        await (await officer.GetAsync("/api/organisations/org-a")).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Only_an_admin_issues_keys()
    {
        var (_, key) = await IssueKeyAsync("Officer", "org-a");

        var response = await _silo.Client(key).PostAsJsonAsync("/api/keys", new { name = "sneaky", role = "Admin" });

        await response.AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_key_for_an_unknown_organisation_is_404_and_a_scoped_role_needs_one()
    {
        await (await _admin.PostAsJsonAsync("/api/keys", new { name = "x", role = "Officer", organisationId = "nowhere" }))
            .AssertProblemAsync(HttpStatusCode.NotFound);
        var problem = await (await _admin.PostAsJsonAsync("/api/keys", new { name = "x", role = "Viewer" }))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.True(problem.GetProperty("errors").TryGetProperty("organisationId", out _));
    }

    [Fact]
    public async Task A_viewer_key_may_read_but_not_write_its_own_organisation()
    {
        var (_, key) = await IssueKeyAsync("Viewer", "org-a");
        var viewer = _silo.Client(key);

        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync("/api/organisations/org-a")).StatusCode);
        var write = await viewer.PutAsJsonAsync("/api/organisations/org-a", new { name = "Renamed", type = "NhsProvider", place = "Wirral" });
        await write.AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await viewer.PostAsJsonAsync("/api/organisations", new { name = "New", type = "Vcfse", place = "Wirral" }))
            .AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task An_officer_of_one_organisation_may_not_touch_another()
    {
        var (_, key) = await IssueKeyAsync("Officer", "org-a");
        var officer = _silo.Client(key);

        await (await officer.GetAsync("/api/organisations/org-b")).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await officer.PutAsJsonAsync("/api/organisations/org-b", new { name = "Mine now", type = "NhsProvider", place = "Wirral" }))
            .AssertProblemAsync(HttpStatusCode.Forbidden);
        var own = await officer.PutAsJsonAsync("/api/organisations/org-a", new { name = "Organisation A", type = "NhsProvider", place = "Sefton" });
        Assert.Equal("Sefton", (await own.AssertJsonAsync(HttpStatusCode.OK)).GetProperty("place").GetString());
        var list = await (await officer.GetAsync("/api/organisations")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(["org-a"], list.EnumerateArray().Select(o => o.GetProperty("id").GetString()));
    }

    [Theory]
    [InlineData("{\"name\": \"Broken\", ")]
    [InlineData("not json at all")]
    [InlineData("[1, 2, 3]")]
    public async Task Malformed_json_is_400(string body)
    {
        var response = await _admin.PostAsync("/api/organisations", new StringContent(body, Encoding.UTF8, "application/json"));

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task An_unknown_enum_value_is_400_naming_the_field()
    {
        var response = await _admin.PostAsJsonAsync("/api/organisations", new { name = "X", type = "Spaceport", place = "Y" });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("'type' must be one of", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task An_enum_given_as_a_number_is_400()
    {
        var response = await _admin.PostAsJsonAsync("/api/organisations", new { name = "X", type = 1, place = "Y" });

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Missing_fields_and_a_bad_id_are_422_per_field()
    {
        var response = await _admin.PostAsJsonAsync("/api/organisations", new { id = "Not A Slug!", place = "" });

        var errors = (await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity)).GetProperty("errors");
        Assert.Equal(["id", "name", "place", "type"], errors.EnumerateObject().Select(e => e.Name).Order());
    }

    [Theory]
    [InlineData("/api/organisations/no-such-org")]
    [InlineData("/api/organisations/NOT_A_SLUG")]
    [InlineData("/api/no-such-route")]
    public async Task An_unknown_resource_is_404(string path)
    {
        await (await _admin.GetAsync(path)).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Revoking_an_unknown_key_is_404()
    {
        await (await _admin.DeleteAsync("/api/keys/no-such-key")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Creating_an_id_that_exists_is_409()
    {
        var response = await _admin.PostAsJsonAsync("/api/organisations", new { id = "org-a", name = "Again", type = "Vcfse", place = "Halton" });

        await response.AssertProblemAsync(HttpStatusCode.Conflict);
        var kept = await (await _admin.GetAsync("/api/organisations/org-a")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Organisation A", kept.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Without_an_id_the_server_makes_one_from_the_name_and_never_reuses_one()
    {
        var first = await (await _admin.PostAsJsonAsync("/api/organisations", new { name = "Wirral Council", type = "LocalAuthority", place = "Wirral" }))
            .AssertJsonAsync(HttpStatusCode.Created);
        var second = await (await _admin.PostAsJsonAsync("/api/organisations", new { name = "Wirral Council", type = "LocalAuthority", place = "Wirral" }))
            .AssertJsonAsync(HttpStatusCode.Created);

        Assert.Equal("wirral-council", first.GetProperty("id").GetString());
        Assert.StartsWith("wirral-council-", second.GetProperty("id").GetString());
    }

    [Fact]
    public async Task Every_get_has_an_etag_and_a_stale_if_match_is_412()
    {
        var read = await _admin.GetAsync("/api/organisations/org-b");
        var etag = read.Headers.ETag!;
        var update = new { name = "Organisation B", type = "LocalAuthority", place = "Knowsley" };

        var fresh = await SendWithIfMatchAsync(HttpMethod.Put, "/api/organisations/org-b", update, etag.Tag);
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        Assert.NotEqual(etag.Tag, fresh.Headers.ETag!.Tag);

        var stale = await SendWithIfMatchAsync(HttpMethod.Put, "/api/organisations/org-b", update with { place = "Halton" }, etag.Tag);
        await stale.AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        var kept = await (await _admin.GetAsync("/api/organisations/org-b")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Knowsley", kept.GetProperty("place").GetString());
    }

    [Fact]
    public async Task A_body_over_the_limit_is_413()
    {
        var huge = new { name = new string('x', 10_000), type = "Vcfse", place = "Wirral" };

        var response = await _admin.PostAsJsonAsync("/api/organisations", huge);

        await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task A_chunked_body_over_the_limit_is_413_too()
    {
        var content = new StringContent(JsonSerializer.Serialize(new { name = new string('x', 10_000), type = "Vcfse", place = "W" }),
            Encoding.UTF8, "application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/organisations") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        var response = await _admin.SendAsync(request);

        await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Health_openapi_and_swagger_answer_without_a_key()
    {
        var anonymous = _silo.Client(key: null);

        var health = await (await anonymous.GetAsync("/health")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Healthy", health.GetProperty("status").GetString());
        var openApi = await (await anonymous.GetAsync("/openapi/v1.json")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.True(openApi.GetProperty("paths").TryGetProperty("/api/organisations", out _));
        Assert.True(openApi.GetProperty("paths").TryGetProperty("/api/keys", out _));
        var swagger = await anonymous.GetAsync("/swagger/index.html");
        Assert.Equal(HttpStatusCode.OK, swagger.StatusCode);
        Assert.Contains("swagger-ui", await swagger.Content.ReadAsStringAsync());
    }

    private async Task CreateOrganisationAsync(string id, string name)
    {
        var response = await _admin.PostAsJsonAsync("/api/organisations", new { id, name, type = "NhsProvider", place = "Cheshire & Merseyside" });
        await response.AssertJsonAsync(HttpStatusCode.Created);
    }

    private async Task<(string Id, string Key)> IssueKeyAsync(string role, string? organisationId)
    {
        var response = await _admin.PostAsJsonAsync("/api/keys", new { name = $"{role} of {organisationId}", role, organisationId });
        var body = await response.AssertJsonAsync(HttpStatusCode.Created);
        return (body.GetProperty("id").GetString()!, body.GetProperty("key").GetString()!);
    }

    private Task<HttpResponseMessage> SendWithIfMatchAsync(HttpMethod method, string path, object body, string etag)
    {
        var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        request.Headers.IfMatch.Add(new EntityTagHeaderValue(etag));
        return _admin.SendAsync(request);
    }
}
