using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace SocialValue.Ids;

/// <summary>Resource ids (API.md): <c>[a-z0-9][a-z0-9-]{0,63}</c>, given by the client or made from a name.</summary>
public static partial class Slug
{
    /// <summary>The longest id.</summary>
    public const int MaxLength = 64;

    /// <summary>Whether <paramref name="id"/> is a well-formed id.</summary>
    public static bool IsValid(string? id) => id is not null && Pattern().IsMatch(id);

    /// <summary>A slug from a display name ("Walsall Council" → <c>walsall-council</c>), or a random one.</summary>
    public static string From(string name)
    {
        var builder = new StringBuilder();
        foreach (var c in name.Normalize(NormalizationForm.FormD).ToLowerInvariant())
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                builder.Append(c);
            }
            else if (builder.Length > 0 && builder[^1] != '-' && char.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark)
            {
                builder.Append('-');
            }
        }
        var slug = builder.ToString().Trim('-');
        if (slug.Length > MaxLength - 5)
        {
            slug = slug[..(MaxLength - 5)].TrimEnd('-');
        }
        return slug.Length > 0 ? slug : Random();
    }

    /// <summary>The slug with a short random suffix, for when the plain one is taken.</summary>
    public static string WithSuffix(string slug) => $"{slug}-{Random()[..4]}";

    /// <summary>Twelve random hex digits.</summary>
    public static string Random() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$")]
    private static partial Regex Pattern();
}
