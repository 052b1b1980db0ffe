using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using SocialValue.Versions;

namespace SocialValue.Api.Http;

/// <summary>
/// Resource versions on the wire (API.md "Conventions"): <c>ETag: "7"</c> on reads and on the responses of writes,
/// <c>If-Match</c> (RFC 9110 §13.1.1) honoured on writes.
/// </summary>
public static class ETags
{
    public static void SetETag(this HttpResponse response, string version) =>
        response.Headers.ETag = new EntityTagHeaderValue($"\"{version}\"").ToString();

    /// <summary>Tags the response with the new version of the resource a write changed part of, and answers the part.</summary>
    public static T Tagged<T>(this HttpResponse response, Versioned<T> written)
    {
        response.SetETag(written.ETag);
        return written.Value;
    }

    /// <summary>
    /// The versions <c>If-Match</c> lets a write change, or null when the header is absent. <c>*</c> is any version that
    /// exists; a list admits the versions of its strong tags, since a weak tag never matches under strong comparison
    /// (a list of only weak tags admits none, so the write is 412). A field that is no list of entity tags is 400.
    /// </summary>
    public static VersionCondition? IfMatch(this HttpRequest request)
    {
        var header = request.Headers.IfMatch;
        if (header.Count == 0)
        {
            return null;
        }
        if (!EntityTagHeaderValue.TryParseStrictList(header, out var tags) || tags.Count == 0)
        {
            throw new BadHttpRequestException(
                $"'If-Match' is '{header}': write '*' or a comma-separated list of entity tags as this service gives them in 'ETag', e.g. \"7\".");
        }
        return tags.Any(t => t.Equals(EntityTagHeaderValue.Any))
            ? new VersionCondition(true, [])
            : new VersionCondition(false, [.. tags.Where(t => !t.IsWeak).Select(t => t.Tag.AsSpan().Trim('"').ToString())]);
    }
}
