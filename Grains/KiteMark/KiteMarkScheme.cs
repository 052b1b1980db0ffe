using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using SocialValue.ReferenceData;
using SocialValue.Ids;

namespace SocialValue.KiteMark;

/// <summary>
/// A Social Value Award (Kite Mark) scheme: its themes and criteria, and how long an award lasts
/// (<paramref name="Validity"/>, an ISO 8601 duration such as <c>P5Y</c>).
/// <paramref name="Note"/> records how the scheme was read from its source, when that needed a judgement.
/// </summary>
public sealed record KiteMarkSchemeDefinition(
    string Id,
    string Name,
    IReadOnlyList<KiteMarkThemeDefinition> Themes,
    string Validity,
    string? Note = null);

/// <summary>A theme of a scheme (Social, Economic, Environment, Innovation) with its criteria.</summary>
public sealed record KiteMarkThemeDefinition(string Id, string Name, IReadOnlyList<KiteMarkCriterionDefinition> Criteria);

/// <summary>
/// A criterion (objective) of a theme. <paramref name="MentalHealth"/> is the seed's (MH) mark;
/// <paramref name="MustDo"/> criteria need accepted evidence before an award; <paramref name="Part"/> names the
/// part of the theme it sits in, where the theme has parts (Economic: jobs/employment, inclusive growth).
/// </summary>
public sealed record KiteMarkCriterionDefinition(string Id, string Text, bool MentalHealth, bool MustDo, string? Part = null);

/// <summary>The Kite Mark schemes that ship with the product, read from the JSON embedded in this assembly.</summary>
public static partial class KiteMarkSchemes
{
    /// <summary>The Cheshire &amp; Merseyside Social Value Award from seed 002 §4 (<c>cheshire-merseyside</c>).</summary>
    public static KiteMarkSchemeDefinition CheshireAndMerseyside { get; } = Parse(EmbeddedJson.Read(typeof(KiteMarkSchemes), "cheshire-merseyside.json"));

    /// <summary>
    /// What is wrong with a scheme, as sentences; empty when it is valid: a slug id, a name, at least one theme,
    /// theme and criterion ids unique slugs, every theme with criteria, every criterion with a text, and a
    /// positive ISO 8601 duration as validity.
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

    [GeneratedRegex(@"^P(?=.*[1-9])(?:\d+Y)?(?:\d+M)?(?:\d+W)?(?:\d+D)?(?:T(?=\d)(?:\d+H)?(?:\d+M)?(?:\d+S)?)?$")]
    private static partial Regex PositiveIsoDuration();
}
