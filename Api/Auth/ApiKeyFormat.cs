using System.Security.Cryptography;
using System.Text;

namespace SocialValue.Api.Auth;

/// <summary>
/// Keys look like <c>sv_{id}_{secret}</c>: the id finds the key's grain, the secret is checked against the
/// SHA-256 kept there. A 256-bit random secret needs no slow hash: there is nothing to guess.
/// </summary>
public static class ApiKeyFormat
{
    private const string Prefix = "sv_";

    public static (string Id, string Key, string SecretHash) Issue(string? id = null)
    {
        id ??= Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        var secret = System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        return (id, $"{Prefix}{id}_{secret}", Hash(secret));
    }

    public static bool TryParse(string key, out string id, out string secret)
    {
        id = secret = "";
        if (!key.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }
        var separator = key.IndexOf('_', Prefix.Length);
        if (separator <= Prefix.Length || separator == key.Length - 1)
        {
            return false;
        }
        id = key[Prefix.Length..separator];
        secret = key[(separator + 1)..];
        return true;
    }

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
