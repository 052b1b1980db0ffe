using System.Globalization;

namespace SocialValue.Api.Web;

/// <summary>Quantities as people write them ("£25,000", "30%", "12 people", "4 FTE") and read back the way people type them.</summary>
internal static class Quantities
{
    public static string Write(decimal quantity, string unit) => unit switch
    {
        "£" => "£" + Number(quantity),
        "%" => Number(quantity) + "%",
        "number" => Number(quantity),
        _ => $"{Number(quantity)} {unit}",
    };

    /// <summary>"1,250.5": thousands separated, at most two decimals.</summary>
    public static string Number(decimal value) => value.ToString("#,0.##", CultureInfo.InvariantCulture);

    /// <summary>What a label says the unit is: "in £", "in %", "a number", "in people".</summary>
    public static string UnitName(string unit) => unit switch
    {
        "number" => "a number",
        _ => $"in {unit}",
    };

    /// <summary>A number typed as people type it: "£250,000", "30%", " 12 ". Null for blank, false when it is not a number.</summary>
    public static bool TryRead(string? text, out decimal? value)
    {
        value = null;
        var bare = (text ?? "").Replace("£", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal)
            .Replace("%", "", StringComparison.Ordinal).Trim();
        if (bare.Length == 0)
        {
            return true;
        }
        if (decimal.TryParse(bare, NumberStyles.Number, CultureInfo.InvariantCulture, out var number))
        {
            value = number;
            return true;
        }
        return false;
    }
}
