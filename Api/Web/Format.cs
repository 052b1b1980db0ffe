using System.Globalization;
using System.Text.RegularExpressions;

namespace SocialValue.Api.Web;

/// <summary>How pages print money, dates and enum names.</summary>
internal static partial class Format
{
    public static string Pounds(decimal value) => "£" + value.ToString("#,0", CultureInfo.InvariantCulture);

    public static string Pounds(decimal? value) => value is { } v ? Pounds(v) : "—";

    public static string Date(DateTimeOffset at) => at.ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    public static string Date(DateTimeOffset? at) => at is { } v ? Date(v) : "—";

    public static string Date(DateOnly at) => at.ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>An SVG coordinate or length.</summary>
    public static string Px(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    public static string Number(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary><c>MoreEvidenceRequested</c> → "More evidence requested".</summary>
    public static string Words<T>(T value) where T : struct, Enum => Words(value.ToString());

    public static string Words(string pascal)
    {
        var words = WordBoundary().Replace(pascal, " $1").Trim();
        return words.Length == 0 ? words : words[..1] + words[1..].ToLowerInvariant();
    }

    [GeneratedRegex("(?<=[a-z])([A-Z])")]
    private static partial Regex WordBoundary();
}
