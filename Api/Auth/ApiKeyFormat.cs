using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace SocialValue.Api.Auth;

/// <summary>
/// Keys look like <c>sv_{id}_{secret}</c>: the id finds the key's grain, the secret is checked against the
/// SHA-256 kept there. A 256-bit random secret needs no slow hash: there is nothing to guess.
/// </summary>
/// <remarks>
/// <see cref="TryParse"/> accepts only the shape <see cref="Issue"/> gives (a 12-digit hex id, or the bootstrap key's
/// fixed id, and a 43-character base64url secret), so a made-up or oversized key is refused before any grain is asked.
/// </remarks>
public static class ApiKeyFormat
{
    private const string Prefix = "sv_";
    private const int IdBytes = 6;
    private const int SecretBytes = 32;
    private static readonly int IdLength = IdBytes * 2;
    private static readonly int SecretLength = Base64Url.GetEncodedLength(SecretBytes);
    private static readonly int MaxKeyLength = Prefix.Length + Math.Max(IdLength, BootstrapAdminKey.KeyId.Length) + 1 + SecretLength;

    public static (string Id, string Key, string SecretHash) Issue(string? id = null)
    {
        id ??= Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(IdBytes));
        var secret = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(SecretBytes));
        return (id, $"{Prefix}{id}_{secret}", Hash(secret));
    }

    /// <summary>The id and secret of a key of the issued shape; false for anything else, without looking anything up.</summary>
    public static bool TryParse(string key, out string id, out string secret)
    {
        id = secret = "";
        if (key.Length > MaxKeyLength || !key.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }
        var separator = key.IndexOf('_', Prefix.Length);
        if (separator < 0)
        {
            return false;
        }
        var candidateId = key[Prefix.Length..separator];
        var candidateSecret = key[(separator + 1)..];
        if (!IsIssuedId(candidateId) || candidateSecret.Length != SecretLength || !candidateSecret.All(IsBase64UrlCharacter))
        {
            return false;
        }
        (id, secret) = (candidateId, candidateSecret);
        return true;
    }

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static bool IsIssuedId(string id) =>
        id == BootstrapAdminKey.KeyId || (id.Length == IdLength && id.All(char.IsAsciiHexDigitLower));

    private static bool IsBase64UrlCharacter(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_';
}
