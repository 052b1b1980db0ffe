using System.Buffers.Text;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace SocialValue.Api.Http;

/// <summary>
/// Every successful API read carries an <c>ETag</c> and answers a matching <c>If-None-Match</c> with
/// <c>304 Not Modified</c> and no body (API.md "Conventions"). A resource's handler tags it with its stored version
/// (the tag its writes compare <c>If-Match</c> with); any other read (lists, totals, reports) is tagged here with a
/// strong tag made from a hash of the exact bytes of its body, since equal hashes mean equal representations.
/// </summary>
public static class ConditionalGets
{
    private const string ApiPaths = "/api";

    public static IApplicationBuilder UseConditionalGets(this IApplicationBuilder app) =>
        app.UseWhen(context => HttpMethods.IsGet(context.Request.Method) && context.Request.Path.StartsWithSegments(ApiPaths),
            branch => branch.Use(RespondAsync));

    private static async Task RespondAsync(HttpContext context, RequestDelegate next)
    {
        var response = context.Response;
        var body = response.Body;
        using var buffer = new MemoryStream();
        response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            response.Body = body;
        }
        if (response.StatusCode == StatusCodes.Status200OK)
        {
            if (string.IsNullOrEmpty(response.Headers.ETag))
            {
                response.Headers.ETag = $"\"{Base64Url.EncodeToString(SHA256.HashData(buffer.GetBuffer().AsSpan(0, (int)buffer.Length))[..18])}\"";
            }
            if (IsNamedByIfNoneMatch(context.Request, response.Headers.ETag.ToString()))
            {
                response.StatusCode = StatusCodes.Status304NotModified;
                response.ContentLength = null;
                response.Headers.ContentType = default;
                return;
            }
        }
        buffer.Position = 0;
        await buffer.CopyToAsync(body, context.RequestAborted);
    }

    /// <summary>
    /// Whether <c>If-None-Match</c> names the current tag under weak comparison (RFC 9110 §13.1.2): <c>*</c>, or any tag
    /// of its list whose opaque value equals the current one, weak or not. A malformed field is ignored, as if absent.
    /// </summary>
    private static bool IsNamedByIfNoneMatch(HttpRequest request, string current)
    {
        var header = request.Headers.IfNoneMatch;
        if (header.Count == 0 || !EntityTagHeaderValue.TryParse(current, out var tag)
            || !EntityTagHeaderValue.TryParseStrictList(header, out var tags))
        {
            return false;
        }
        return tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(tag, useStrongComparison: false));
    }
}
