using System.Globalization;
using System.Text;
using SocialValue.Amounts;
using SocialValue.Contracts;
using SocialValue.Errors;
using SocialValue.Ids;

namespace SocialValue.Api.Contracts;

/// <summary>
/// Bids as CSV, one row per commitment: <c>bidId,supplier,price,measureId,target,delivery,measurement</c> and optionally
/// <c>supplierOrganisationId</c> and one <c>input:&lt;name&gt;</c> column per named input a measure's formula reads (a
/// blank cell gives none), in any order. Rows are numbered as a spreadsheet shows them, the header being row 1; every
/// problem names its row, and one bad row rejects the whole file.
/// </summary>
public static class BidCsv
{
    private static readonly string[] RequiredColumns = ["bidId", "supplier", "price", "measureId", "target", "delivery", "measurement"];
    private const string SupplierOrganisationColumn = "supplierOrganisationId";

    /// <summary>The start of a column that gives a named input, e.g. <c>input:hours</c>.</summary>
    public const string InputColumnPrefix = "input:";

    public static IReadOnlyList<NewBid> Parse(string text)
    {
        var rows = Records(text).ToList();
        if (rows.Count == 0)
        {
            throw new ValidationException("row 1", $"The file is empty; its first row must name the columns {string.Join(",", RequiredColumns)}.");
        }
        var header = rows[0].Fields.Select(f => f.Trim()).ToList();
        var columns = RequiredColumns.Append(SupplierOrganisationColumn)
            .ToDictionary(c => c, c => header.FindIndex(h => h.Equals(c, StringComparison.OrdinalIgnoreCase)));
        var missing = RequiredColumns.Where(c => columns[c] < 0).ToList();
        if (missing.Count > 0)
        {
            throw new ValidationException("row 1", $"The header lacks the column(s) {string.Join(", ", missing)}.");
        }
        var inputColumns = header.Select((name, index) => (Name: name, Index: index))
            .Where(c => c.Name.StartsWith(InputColumnPrefix, StringComparison.OrdinalIgnoreCase))
            .Select(c => (Name: c.Name[InputColumnPrefix.Length..].Trim(), c.Index)).ToList();
        if (inputColumns.Any(c => c.Name.Length == 0))
        {
            throw new ValidationException("row 1", $"A column '{InputColumnPrefix}' must name its input, e.g. {InputColumnPrefix}hours.");
        }
        if (inputColumns.GroupBy(c => c.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new ValidationException("row 1", $"The header has the column {InputColumnPrefix}{twice.Key} more than once.");
        }

        var errors = new Dictionary<string, string[]>();
        var bids = new Dictionary<string, (NewBid Bid, int Row, List<NewCommitment> Commitments)>();
        foreach (var (fields, row) in rows.Skip(1))
        {
            if (fields.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }
            var problems = new List<string>();
            if (fields.Count != header.Count)
            {
                errors[$"row {row}"] = [$"The row has {fields.Count} fields; the header has {header.Count}."];
                continue;
            }
            string Field(string column) => columns[column] < 0 ? "" : fields[columns[column]].Trim();
            var bidId = Field("bidId");
            if (!Slug.IsValid(bidId))
            {
                problems.Add($"bidId '{bidId}' must match [a-z0-9][a-z0-9-]{{0,63}}.");
            }
            var supplier = Required(Field("supplier"), "supplier", problems);
            var price = Number(Field("price"), "price", problems);
            var delivery = Required(Field("delivery"), "delivery", problems);
            var measurement = Required(Field("measurement"), "measurement", problems);
            var supplierOrganisation = Field(SupplierOrganisationColumn) is { Length: > 0 } s ? s : null;
            var measureId = Field("measureId");
            var target = measureId.Length == 0 && Field("target").Length == 0 ? (decimal?)null : Number(Field("target"), "target", problems);
            if (measureId.Length == 0 && target is not null)
            {
                problems.Add("A target needs a measureId.");
            }
            var inputs = inputColumns.Where(c => fields[c.Index].Trim().Length > 0)
                .ToDictionary(c => c.Name, c => Number(fields[c.Index].Trim(), InputColumnPrefix + c.Name, problems, negativeAllowed: true));
            if (target is null && inputs.Count > 0)
            {
                problems.Add("An input is given for a commitment, so it needs a measureId and a target.");
            }
            var bid = new NewBid(bidId, supplier, supplierOrganisation, price, [], new BidAnswers(delivery, measurement), $"row {row}");
            if (problems.Count == 0 && bids.TryGetValue(bidId, out var first)
                && first.Bid with { Source = null } != bid with { Source = null, Commitments = first.Bid.Commitments })
            {
                problems.Add($"Bid '{bidId}' has other supplier, price or answers than on row {first.Row}; they must be the same on every row of a bid.");
            }
            if (problems.Count > 0)
            {
                errors[$"row {row}"] = [.. problems];
                continue;
            }
            if (!bids.TryGetValue(bidId, out var entry))
            {
                bids[bidId] = entry = (bid, row, []);
            }
            if (target is { } t)
            {
                entry.Commitments.Add(new NewCommitment(measureId, t, $"row {row}", inputs.Count > 0 ? inputs : null));
            }
        }
        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }
        if (bids.Count == 0)
        {
            throw new ValidationException("row 2", "The file has a header but no bids.");
        }
        return [.. bids.Values.Select(b => b.Bid with { Commitments = b.Commitments })];
    }

    private static string Required(string value, string column, List<string> problems)
    {
        if (value.Length == 0)
        {
            problems.Add($"{column} is required.");
        }
        return value;
    }

    private static decimal Number(string value, string column, List<string> problems, bool negativeAllowed = false)
    {
        if (!decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var number))
        {
            problems.Add($"{column} '{value}' is not a number.");
            return 0;
        }
        if (number < 0 && !negativeAllowed)
        {
            problems.Add($"{column} cannot be negative.");
        }
        if (!Amount.IsHoldable(number))
        {
            problems.Add($"{column} {number:G} is beyond what the service holds: at most {Amount.MaxText}.");
        }
        return number;
    }

    /// <summary>RFC 4180 records: quoted fields may hold commas, doubled quotes and line breaks.</summary>
    internal static IEnumerable<(List<string> Fields, int Row)> Records(string text)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var row = 1;
        var any = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            any = true;
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
                continue;
            }
            switch (c)
            {
                case '"' when field.Length == 0:
                    quoted = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    fields.Add(field.ToString());
                    yield return (fields, row++);
                    (fields, field, any) = ([], new StringBuilder(), false);
                    break;
                default:
                    field.Append(c);
                    break;
            }
        }
        if (quoted)
        {
            throw new ValidationException($"row {row}", "A quoted field is not closed.");
        }
        if (any)
        {
            fields.Add(field.ToString());
            yield return (fields, row);
        }
    }
}
