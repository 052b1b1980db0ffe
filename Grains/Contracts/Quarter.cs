using System.Globalization;

namespace SocialValue.Contracts;

/// <summary>A reporting period: a calendar quarter, written <c>YYYY-Qn</c>.</summary>
public readonly record struct Quarter(int Year, int Number) : IComparable<Quarter>
{
    public DateOnly Start => new(Year, (Number - 1) * 3 + 1, 1);

    public static Quarter Of(DateOnly date) => new(date.Year, (date.Month - 1) / 3 + 1);

    public static bool TryParse(string? text, out Quarter quarter)
    {
        quarter = default;
        if (text is not { Length: 7 } || text[4] != '-' || text[5] != 'Q'
            || !int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || text[6] is < '1' or > '4' || year < 1)
        {
            return false;
        }
        quarter = new Quarter(year, text[6] - '0');
        return true;
    }

    public Quarter Next() => Number == 4 ? new Quarter(Year + 1, 1) : new Quarter(Year, Number + 1);

    public int CompareTo(Quarter other) => (Year, Number).CompareTo((other.Year, other.Number));

    public override string ToString() => $"{Year:D4}-Q{Number}";
}
