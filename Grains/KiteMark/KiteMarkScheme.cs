using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using SocialValue.ReferenceData;
using SocialValue.Ids;

namespace SocialValue.KiteMark;

/// <summary>The Kite Mark schemes that ship with the product, read from the JSON embedded in this assembly.</summary>
public static partial class KiteMarkSchemes
{
    private const int MaxValidityYears = 100;
    // Declared before the shipped scheme, which is validated as it is initialised.
    private static readonly DateTimeOffset LongestValidityFrom = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The Cheshire &amp; Merseyside Social Value Award from seed 002 §4 (<c>cheshire-merseyside</c>).</summary>
    public static KiteMarkSchemeDefinition CheshireAndMerseyside { get; } = Parse(EmbeddedJson.Read(typeof(KiteMarkSchemes), "cheshire-merseyside.json"));

    /// <summary>
    /// What is wrong with a scheme, as sentences; empty when it is valid: a slug id, a name, at least one theme,
    /// theme and criterion ids unique slugs, every theme with criteria, every criterion with a text, and a
    /// positive ISO 8601 duration of at most a hundred years as validity.
    /// </summary>
    public static IReadOnlyList<string> Validate(KiteMarkSchemeDefinition scheme)
    {
        var errors = new List<string>();
        var criteria = scheme.Themes.SelectMany(t => t.Criteria).ToList();
        var ids = scheme.Themes.Select(t => t.Id).Concat(criteria.Select(c => c.Id)).Prepend(scheme.Id).ToList();

        errors.AddRange(ids.Where(id => !Slug.IsValid(id)).Select(id => $"'{id}' is not a valid id (lower-case letters, digits and hyphens)."));
        errors.AddRange(ids.GroupBy(id => id).Where(g => g.Count() > 1).Select(g => $"The id '{g.Key}' is used more than once."));
        if (string.IsNullOrWhiteSpace(scheme.Name))
        {
            errors.Add("A scheme needs a name.");
        }
        if (scheme.Themes.Count == 0)
        {
            errors.Add("A scheme needs at least one theme.");
        }
        errors.AddRange(scheme.Themes.Where(t => string.IsNullOrWhiteSpace(t.Name)).Select(t => $"Theme '{t.Id}' needs a name."));
        errors.AddRange(scheme.Themes.Where(t => t.Criteria.Count == 0).Select(t => $"Theme '{t.Id}' needs at least one criterion."));
        errors.AddRange(criteria.Where(c => string.IsNullOrWhiteSpace(c.Text)).Select(c => $"Criterion '{c.Id}' needs a text."));
        if (!PositiveIsoDuration().IsMatch(scheme.Validity))
        {
            errors.Add($"Validity '{scheme.Validity}' is not a positive ISO 8601 duration such as P5Y.");
        }
        else if (ValidUntil(LongestValidityFrom, scheme.Validity) > LongestValidityFrom.AddYears(MaxValidityYears))
        {
            errors.Add($"Validity '{scheme.Validity}' is longer than {MaxValidityYears} years.");
        }
        return errors;
    }

    internal static KiteMarkSchemeDefinition Parse(string json)
    {
        var scheme = JsonSerializer.Deserialize<KiteMarkSchemeDefinition>(json, EmbeddedJson.Strict)
            ?? throw new InvalidDataException("The Kite Mark scheme data is empty.");
        var errors = Validate(scheme);
        return errors.Count == 0
            ? scheme
            : throw new InvalidDataException($"Invalid Kite Mark scheme '{scheme.Id}': {string.Join(" ", errors)}");
    }

    /// <summary>
    /// The end of an award made at <paramref name="awardedOn"/> under a scheme valid for <paramref name="validity"/>.
    /// Years, months, weeks and days are calendar arithmetic (an award made on 29 February with P5Y ends on
    /// 28 February, as <see cref="DateTimeOffset.AddYears"/> does), not fixed 365- or 30-day spans; hours, minutes and
    /// seconds are exact.
    /// </summary>
    /// <exception cref="FormatException"><paramref name="validity"/> is not a positive ISO 8601 duration.</exception>
    public static DateTimeOffset ValidUntil(DateTimeOffset awardedOn, string validity)
    {
        var match = PositiveIsoDuration().Match(validity);
        if (!match.Success)
        {
            throw new FormatException($"Validity '{validity}' is not a positive ISO 8601 duration such as P5Y.");
        }
        int Part(string name) => match.Groups[name].Success ? int.Parse(match.Groups[name].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
        return awardedOn
            .AddYears(Part("years"))
            .AddMonths(Part("months"))
            .AddDays((7 * Part("weeks")) + Part("days"))
            .Add(new TimeSpan(Part("hours"), Part("minutes"), Part("seconds")));
    }

    [GeneratedRegex(@"^P(?=.*[1-9])(?:(?<years>\d{1,3})Y)?(?:(?<months>\d{1,4})M)?(?:(?<weeks>\d{1,4})W)?(?:(?<days>\d{1,5})D)?(?:T(?=\d)(?:(?<hours>\d{1,6})H)?(?:(?<minutes>\d{1,7})M)?(?:(?<seconds>\d{1,9})S)?)?$")]
    private static partial Regex PositiveIsoDuration();
}
