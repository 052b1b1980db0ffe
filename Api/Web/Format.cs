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

    public static string DateTime(DateTimeOffset at) => at.ToString("d MMM yyyy, HH:mm", CultureInfo.InvariantCulture);

    /// <summary>
    /// A quantity as people write it in the measure's unit: "£25,000", "12 people", "40%", "3.5 tCO2e"; a bare
    /// "number" unit is the number alone.
    /// </summary>
    public static string Quantity(decimal value, string unit)
    {
        var number = value.ToString("#,0.##", CultureInfo.InvariantCulture);
        return unit.Trim() switch
        {
            "£" => Pounds(value),
            "%" => number + "%",
            "" or "number" => number,
            var other => $"{number} {other}",
        };
    }

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

    /// <summary>A named input of a formula in words: <c>previousYear</c> → "Previous year", <c>hours</c> → "Hours".</summary>
    public static string InputName(string name)
    {
        var words = Words(name);
        return words.Length == 0 ? words : char.ToUpperInvariant(words[0]) + words[1..];
    }

    /// <summary>An ISO 8601 validity as people say it: <c>P5Y</c> is "5 years", <c>P1Y6M</c> "1 year 6 months"; anything else as written.</summary>
    public static string Validity(string duration)
    {
        var match = DatePeriod().Match(duration);
        if (!match.Success || match.Groups.Cast<Group>().Skip(1).All(g => !g.Success))
        {
            return duration;
        }
        var parts = new[] { ("y", "year"), ("m", "month"), ("w", "week"), ("d", "day") }
            .Where(part => match.Groups[part.Item1].Success)
            .Select(part => int.Parse(match.Groups[part.Item1].Value, CultureInfo.InvariantCulture) is var n && n == 1 ? $"1 {part.Item2}" : $"{n:N0} {part.Item2}s");
        return string.Join(" ", parts);
    }

    [GeneratedRegex("^P(?:(?<y>[0-9]{1,4})Y)?(?:(?<m>[0-9]{1,4})M)?(?:(?<w>[0-9]{1,4})W)?(?:(?<d>[0-9]{1,5})D)?$")]
    private static partial Regex DatePeriod();

    [GeneratedRegex("(?<=[a-z])([A-Z])")]
    private static partial Regex WordBoundary();
}
