using System.Collections.Frozen;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace SocialValue.Api.Web;

/// <summary>The pages' stylesheet and script, embedded in this assembly and served by the Silo itself.</summary>
internal static class WebAssets
{
    private const string Prefix = "SocialValue.Api.Web.Assets.";

    private static readonly FrozenDictionary<string, (byte[] Content, string Type, string ETag)> Assets = Load();

    public static void MapWebAssets(this IEndpointRouteBuilder web) =>
        web.MapGet("/assets/{name}", (string name, HttpContext context) =>
        {
            if (!Assets.TryGetValue(name, out var asset))
            {
                return Results.NotFound();
            }
            context.Response.Headers.CacheControl = "public, max-age=3600";
            context.Response.Headers.XContentTypeOptions = "nosniff";
            context.Response.Headers.ETag = asset.ETag;
            return Results.Bytes(asset.Content, asset.Type);
        }).AllowAnonymous();

    private static FrozenDictionary<string, (byte[], string, string)> Load()
    {
        var assembly = typeof(WebAssets).Assembly;
        return assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)).ToFrozenDictionary(
            n => n[Prefix.Length..],
            n =>
            {
                using var stream = assembly.GetManifestResourceStream(n)!;
                using var copy = new MemoryStream();
                stream.CopyTo(copy);
                var bytes = copy.ToArray();
                var type = n.EndsWith(".css", StringComparison.Ordinal) ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8";
                return (bytes, type, $"\"{Convert.ToHexStringLower(SHA256.HashData(bytes))[..16]}\"");
            });
    }
}
