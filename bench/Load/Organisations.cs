using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace SocialValue.Bench.Load;

/// <summary>The HTTP requests the drivers send, with the bodies and ids they use.</summary>
public static class Organisations
{
    public const string Type = "LocalAuthority";
    public const string Place = "Merseyside";

    private static readonly MediaTypeHeaderValue Json = new("application/json");

    public static string Id(long index) => string.Create(CultureInfo.InvariantCulture, $"bench-org-{index:D6}");

    public static string Name(long index) => string.Create(CultureInfo.InvariantCulture, $"Bench Organisation {index:D6}");

    /// <summary>The profile of an organisation; its update body is the same, so an update leaves the index as it is.</summary>
    public static byte[] Profile(long index, bool withId) => JsonSerializer.SerializeToUtf8Bytes(withId
        ? new { id = Id(index), name = Name(index), type = Type, place = Place }
        : (object)new { name = Name(index), type = Type, place = Place });

    public static Task CreateAsync(HttpClient client, long index) =>
        SendAsync(client, HttpMethod.Post, "/api/organisations", Profile(index, withId: true), HttpStatusCode.Created);

    /// <summary><c>PUT /api/organisations/{id}</c> without <c>If-Match</c>: one durable write of the organisation's state.</summary>
    public static Task UpdateAsync(HttpClient client, long index, byte[] body) =>
        SendAsync(client, HttpMethod.Put, $"/api/organisations/{Id(index)}", body, HttpStatusCode.OK);

    public static Task GetAsync(HttpClient client, string path) => SendAsync(client, HttpMethod.Get, path, null, HttpStatusCode.OK);

    public static async Task<JsonElement> SendJsonAsync(HttpClient client, HttpMethod method, string path, object? body, HttpStatusCode expected)
    {
        var bytes = await SendAsync(client, method, path, body is null ? null : JsonSerializer.SerializeToUtf8Bytes(body), expected);
        return JsonSerializer.Deserialize<JsonElement>(bytes);
    }

    /// <summary>Sends a request, reads the whole response, and throws unless the status is <paramref name="expected"/>.</summary>
    public static async Task<byte[]> SendAsync(HttpClient client, HttpMethod method, string path, byte[]? body, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = Json;
        }
        using var response = await client.SendAsync(request);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        if (response.StatusCode != expected)
        {
            throw new InvalidOperationException($"{method} {path}: {(int)response.StatusCode} {Encoding.UTF8.GetString(bytes.AsSpan(0, Math.Min(bytes.Length, 300)))}");
        }
        return bytes;
    }

    /// <summary>Creates organisations <paramref name="from"/> to <paramref name="to"/> − 1 from 16 clients; returns the result.</summary>
    public static Task<LoadResult> PreloadAsync(HttpClient client, long from, long to, int clients = 16) =>
        LoadRun.RunAsync(clients, TimeSpan.FromHours(1), (_, sequence) => CreateAsync(client, from + sequence), to - from);
}
