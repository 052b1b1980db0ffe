using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace SocialValue.Api.Http;

/// <summary>Resource versions on the wire: <c>ETag: "7"</c> on reads, <c>If-Match</c> honoured on writes.</summary>
public static class ETags
{
    public static void SetETag(this HttpResponse response, string etag) =>
        response.Headers.ETag = new EntityTagHeaderValue($"\"{etag}\"").ToString();

    /// <summary>The version named by <c>If-Match</c>, or null when the header is absent or <c>*</c>.</summary>
    public static string? IfMatch(this HttpRequest request)
    {
        var header = request.Headers.IfMatch.ToString();
        if (string.IsNullOrWhiteSpace(header) || header.Trim() == "*")
        {
            return null;
        }
        var first = header.Split(',')[0].Trim();
        if (first.StartsWith("W/", StringComparison.Ordinal))
        {
            first = first[2..];
        }
        return first.Trim('"');
    }
}
