using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using SocialValue.Silo.Tests.Infrastructure;

namespace SocialValue.Silo.Tests.Operations;

/// <summary>The Orleans and Hangfire dashboards open only to an administrator signed in to the pages.</summary>
public sealed partial class DashboardTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private TestSilo _silo = null!;

    public async Task InitializeAsync()
    {
        _database = TestDatabase.Sqlite();
        _silo = await TestSilo.StartAsync(_database);
    }

    public async Task DisposeAsync()
    {
        await _silo.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Theory]
    [InlineData("/dashboard/")]
    [InlineData("/hangfire")]
    public async Task An_admin_session_opens_the_dashboard(string path)
    {
        var admin = await SignedInAsync(TestSilo.AdminKey);

        var response = await admin.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/dashboard/")]
    [InlineData("/hangfire")]
    public async Task Nobody_else_opens_it_not_even_an_admin_key_on_the_rest_api(string path)
    {
        var viewerKey = await IssueKeyAsync("Viewer");
        using var anonymous = Client(followRedirects: false);
        using var bearer = Client(followRedirects: false);
        bearer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestSilo.AdminKey);
        var viewer = await SignedInAsync(viewerKey);

        Assert.NotEqual(HttpStatusCode.OK, (await anonymous.GetAsync(path)).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await bearer.GetAsync(path)).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await viewer.GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task The_orleans_dashboards_data_which_can_show_grain_state_is_closed_too()
    {
        var admin = await SignedInAsync(TestSilo.AdminKey);
        var viewer = await SignedInAsync(await IssueKeyAsync("Viewer"));
        using var anonymous = Client(followRedirects: false);

        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/dashboard/GrainTypes")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await anonymous.GetAsync("/dashboard/GrainTypes")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await viewer.GetAsync("/dashboard/GrainTypes")).StatusCode);
    }

    private async Task<string> IssueKeyAsync(string role)
    {
        var admin = _silo.Client();
        await admin.PostAsJsonAsync("/api/organisations", new { id = "halton", name = "Halton", type = "LocalAuthority", place = "Halton" });
        var created = await admin.PostAsJsonAsync("/api/keys", new { name = role, role, organisationId = "halton" })
            .AssertJsonAsync(HttpStatusCode.Created);
        return created.GetProperty("key").GetString()!;
    }

    private HttpClient Client(bool followRedirects) =>
        new(new HttpClientHandler { AllowAutoRedirect = followRedirects, UseCookies = true, CookieContainer = new() })
        {
            BaseAddress = _silo.Address,
        };

    private async Task<HttpClient> SignedInAsync(string key)
    {
        var client = Client(followRedirects: false);
        var form = await client.GetStringAsync("/sign-in");
        var token = AntiforgeryToken().Match(form).Groups[1].Value;
        var signedIn = await client.PostAsync("/sign-in", new FormUrlEncodedContent(
            new Dictionary<string, string> { ["__af"] = WebUtility.HtmlDecode(token), ["key"] = key, ["returnUrl"] = "/" }));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return client;
    }

    [GeneratedRegex("name=\"__af\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
