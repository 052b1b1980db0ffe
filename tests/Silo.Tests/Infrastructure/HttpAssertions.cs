using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace SocialValue.Silo.Tests.Infrastructure;

public static class HttpAssertions
{
    /// <summary>Asserts the status and that the body is problem details with that status; returns the body.</summary>
    public static async Task<JsonElement> AssertProblemAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        return problem;
    }

    public static async Task<JsonElement> AssertJsonAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status}, got {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    public static async Task<JsonElement> AssertProblemAsync(this Task<HttpResponseMessage> response, HttpStatusCode status) =>
        await (await response).AssertProblemAsync(status);

    public static async Task<JsonElement> AssertJsonAsync(this Task<HttpResponseMessage> response, HttpStatusCode status) =>
        await (await response).AssertJsonAsync(status);

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string path, object body) =>
        client.PostAsJsonAsync(path, body);

    /// <summary>The target of the response's <c>Link: &lt;…&gt;; rel="next"</c>, or null on a list's last page.</summary>
    public static string? NextLink(this HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("Link", out var values))
        {
            return null;
        }
        var link = Assert.Single(values);
        Assert.EndsWith(">; rel=\"next\"", link);
        return link[1..link.IndexOf('>', StringComparison.Ordinal)];
    }
}
