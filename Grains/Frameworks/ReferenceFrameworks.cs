using System.Text.Json;
using System.Text.Json.Serialization;
using SocialValue.ReferenceData;
using SocialValue.Ids;

namespace SocialValue.Frameworks;

/// <summary>
/// The four reference frameworks built from the seeds (Walsall, Cheshire &amp; Merseyside, Knowsley, Thurrock),
/// read once from the JSON embedded in this assembly and validated on load. They carry no proxy values.
/// </summary>
public static partial class ReferenceFrameworks
{
    private static readonly string[] Files = ["walsall.json", "cheshire-merseyside.json", "knowsley.json", "thurrock.json"];

    private static readonly Lazy<IReadOnlyList<FrameworkDefinition>> Loaded =
        new(() => [.. Files.Select(file => Parse(file, EmbeddedJson.Read(typeof(ReferenceFrameworks), file)))]);

    /// <summary>The reference frameworks, in the seeds' order.</summary>
    /// <exception cref="InvalidDataException">An embedded file is malformed; the message names the file and the item.</exception>
    public static IReadOnlyList<FrameworkDefinition> All => Loaded.Value;

    /// <summary>The reference framework with this id, or <see langword="null"/> if there is none.</summary>
    public static FrameworkDefinition? Find(string id) => All.FirstOrDefault(f => f.Id == id);

    /// <summary>Reads and validates one framework file, returning it with read-only lists throughout.</summary>
    /// <exception cref="InvalidDataException">The file is malformed; the message names the file and the item.</exception>
    internal static FrameworkDefinition Parse(string fileName, string json)
    {
        FrameworkDefinition? framework;
        try
        {
            framework = JsonSerializer.Deserialize<FrameworkDefinition>(json, EmbeddedJson.Strict);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{fileName}: {e.Message}", e);
        }
        if (framework is null)
        {
            throw new InvalidDataException($"{fileName}: the file holds no framework.");
        }
        return new Validator(fileName).Check(framework);
    }

    private sealed class Validator(string fileName)
    {
        private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
        private readonly HashSet<int> _numbers = [];

        public FrameworkDefinition Check(FrameworkDefinition framework)
        {
            var what = $"framework '{framework.Id}'";
            Identify(framework.Id, what);
            Require(framework.Id + ".json" == fileName, $"{what} must have the file's name as its id");
            Text(framework.Name, what, "name");
            Text(framework.Source, what, "source");
            return framework with { Themes = [.. framework.Themes.Select(Check)] };
        }

        private ThemeDefinition Check(ThemeDefinition theme)
        {
            var what = $"theme '{theme.Id}'";
            Identify(theme.Id, what);
            Text(theme.Name, what, "name");
            Optional(theme.Code, what, "code");
            Optional(theme.Note, what, "note");
            return theme with { Outcomes = [.. theme.Outcomes.Select(Check)] };
        }

        private OutcomeDefinition Check(OutcomeDefinition outcome)
        {
            var what = $"outcome '{outcome.Id}'";
            Identify(outcome.Id, what);
            Text(outcome.Name, what, "name");
            Optional(outcome.MarmotPriority, what, "Marmot priority");
            Optional(outcome.Note, what, "note");
            return outcome with { Measures = [.. outcome.Measures.Select(Check)] };
        }

        private MeasureDefinition Check(MeasureDefinition measure)
        {
            var what = $"measure '{measure.Id}'";
            Identify(measure.Id, what);
            Text(measure.Title, what, "title");
            Text(measure.Unit, what, "unit");
            Text(measure.Formula, what, "formula");
            Text(measure.Figure, what, "figure");
            Optional(measure.Options, what, "options text");
            Optional(measure.Note, what, "note");
            if (measure.Number is { } number)
            {
                Require(number > 0 && _numbers.Add(number), $"{what} has the number {number}, which is not positive or is used twice");
            }
            return measure;
        }

        private void Identify(string id, string what)
        {
            Require(Slug.IsValid(id), $"{what}: the id is not a slug (a-z, 0-9 and '-', starting with a letter or digit, at most 64)");
            Require(_ids.Add(id), $"{what}: the id is used twice in the framework");
        }

        private void Text(string value, string what, string field) =>
            Require(!string.IsNullOrWhiteSpace(value) && value == value.Trim(), $"{what} needs a {field}, without surrounding spaces");

        private void Optional(string? value, string what, string field)
        {
            if (value is not null)
            {
                Text(value, what, field);
            }
        }

        private void Require(bool condition, string message)
        {
            if (!condition)
            {
                throw new InvalidDataException($"{fileName}: {message}.");
            }
        }
    }
}
