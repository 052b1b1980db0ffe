using System.Globalization;
using System.Text;

namespace SocialValue.Api.Http;

/// <summary>RFC 4180 CSV rows: text cells quoted as needed and defused, numbers written invariantly.</summary>
public static class Csv
{
    public const string ContentType = "text/csv";

    /// <summary>Appends one row; a <see cref="decimal"/> or <see cref="int"/> cell is a number, anything else text.</summary>
    public static StringBuilder Row(this StringBuilder csv, params object?[] cells) =>
        csv.Append(string.Join(',', cells.Select(Cell))).Append("\r\n");

    /// <summary>Whether the client asked for CSV: <c>?format=csv</c> or <c>Accept: text/csv</c>.</summary>
    public static bool Wanted(string? format, string? accept) =>
        string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase)
        || (format is null && accept?.Contains(ContentType, StringComparison.OrdinalIgnoreCase) == true);

    private static string Cell(object? value) => value switch
    {
        null => "",
        decimal number => number.ToString(CultureInfo.InvariantCulture),
        int number => number.ToString(CultureInfo.InvariantCulture),
        _ => Text(Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""),
    };

    /// <summary>
    /// A text cell a spreadsheet would run as a formula (=, +, -, @) is prefixed with an apostrophe: names, owners and
    /// notes are typed by users and the file is opened in spreadsheets.
    /// </summary>
    private static string Text(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }
        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }
}
