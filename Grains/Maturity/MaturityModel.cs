using System.Text.Json;
using System.Text.Json.Serialization;
using SocialValue.ReferenceData;

namespace SocialValue.Maturity;

/// <summary>A recorded assessment: the present and target level of every dimension, and overall.</summary>
public sealed record MaturityReferenceAssessment(
    string Organisation,
    MaturityLevel OverallPresent,
    MaturityLevel OverallTarget,
    IReadOnlyList<MaturityReferenceDimension> Dimensions);

/// <summary>The present and target level of one dimension in a <see cref="MaturityReferenceAssessment"/>.</summary>
public sealed record MaturityReferenceDimension(string Code, MaturityLevel Present, MaturityLevel Target);

/// <summary>The parsed, validated content of <c>maturity-model.json</c>.</summary>
internal sealed record MaturityCatalogue(
    IReadOnlyList<string> Notes,
    IReadOnlyList<MaturityLevelDefinition> Levels,
    IReadOnlyList<MaturityDimensionDefinition> Dimensions,
    IReadOnlyList<MaturityActionDefinition> Actions);

/// <summary>
/// The Social Value Maturity Index from seed 001: dimensions, levels, the action catalogue and Walsall's
/// assessment, read from the JSON embedded in this assembly and validated once.
/// </summary>
public static class MaturityModel
{
    private static readonly MaturityCatalogue Catalogue = ParseCatalogue(EmbeddedJson.Read(typeof(MaturityModel), "maturity-model.json"));

    private static readonly ILookup<(string Code, MaturityLevel Level), MaturityActionDefinition> ActionsByCell =
        Catalogue.Actions.ToLookup(a => (a.DimensionCode, a.Level));

    /// <summary>The ten dimensions, <c>A</c> to <c>J</c>, in order.</summary>
    public static IReadOnlyList<MaturityDimensionDefinition> Dimensions => Catalogue.Dimensions;

    /// <summary>The five levels, lowest first, with their labels.</summary>
    public static IReadOnlyList<MaturityLevelDefinition> Levels => Catalogue.Levels;

    /// <summary>Every action of the catalogue, by dimension, then level, then the seed's order.</summary>
    public static IReadOnlyList<MaturityActionDefinition> Actions => Catalogue.Actions;

    /// <summary>How the seed was read into the catalogue.</summary>
    public static IReadOnlyList<string> Notes => Catalogue.Notes;

    /// <summary>Walsall Council's assessment as the seed prints it (present Follower, target Mature overall).</summary>
    public static MaturityReferenceAssessment WalsallAssessment { get; } =
        ParseAssessment(EmbeddedJson.Read(typeof(MaturityModel), "walsall-assessment.json"), Catalogue);

    /// <summary>The actions a dimension needs to reach <paramref name="level"/>; empty where the seed has none.</summary>
    /// <exception cref="ArgumentException">The code is not one of the ten dimensions.</exception>
    public static IReadOnlyList<MaturityActionDefinition> ActionsFor(string code, MaturityLevel level)
    {
        if (!Catalogue.Dimensions.Any(d => d.Code == code))
        {
            throw new ArgumentException($"'{code}' is not a maturity dimension; the codes are A to J.", nameof(code));
        }
        return [.. ActionsByCell[(code, level)]];
    }

    internal static MaturityCatalogue ParseCatalogue(string json)
    {
        var file = Deserialize<ModelFile>(json);
        var levelsInOrder = Enum.GetValues<MaturityLevel>();
        var dimensionCodes = Enumerable.Range('A', 10).Select(c => ((char)c).ToString());

        Require(file.Levels.Select(l => l.Level).SequenceEqual(levelsInOrder),
            $"levels must be {string.Join(", ", levelsInOrder)} in that order");
        Require(file.Levels.All(l => !string.IsNullOrWhiteSpace(l.Label)), "every level needs a label");
        Require(file.Dimensions.Select(d => d.Code).SequenceEqual(dimensionCodes), "dimensions must be coded A to J, once each, in order");
        Require(file.Dimensions.All(d => !string.IsNullOrWhiteSpace(d.Name)), "every dimension needs a name");

        var actions = new List<MaturityActionDefinition>();
        foreach (var dimension in file.Dimensions)
        {
            Require(dimension.ToReach.Keys.Order().SequenceEqual(levelsInOrder.Skip(1)),
                $"dimension {dimension.Code} must list the actions to reach Follower, Mature, Leader and Innovator (empty where the seed has none)");
            foreach (var (level, cell) in dimension.ToReach.OrderBy(c => c.Key))
            {
                for (var i = 0; i < cell.Count; i++)
                {
                    var action = cell[i];
                    var expectedId = $"{dimension.Code}-{level}-{i + 1}".ToLowerInvariant();
                    Require(action.Id == expectedId, $"action '{action.Id}' should be '{expectedId}' (dimension, level, position)");
                    Require(!string.IsNullOrWhiteSpace(action.Text) && action.Text == action.Text.Trim(),
                        $"action '{action.Id}' needs a text without surrounding spaces");
                    actions.Add(new(action.Id, dimension.Code, level, action.Text, action.Note));
                }
            }
        }
        Require(actions.Select(a => a.Id).Distinct().Count() == actions.Count, "action ids must be unique");

        return new(
            file.Notes,
            [.. file.Levels.Select(l => new MaturityLevelDefinition(l.Level, l.Label))],
            [.. file.Dimensions.Select(d => new MaturityDimensionDefinition(d.Code, d.Name))],
            actions);
    }

    internal static MaturityReferenceAssessment ParseAssessment(string json, MaturityCatalogue catalogue)
    {
        var file = Deserialize<AssessmentFile>(json);
        Require(file.Dimensions.Select(d => d.Code).SequenceEqual(catalogue.Dimensions.Select(d => d.Code)),
            $"the assessment of {file.Organisation} must give every dimension, A to J, once each, in order");
        Require(file.Dimensions.All(d => d.Present <= d.Target) && file.Overall.Present <= file.Overall.Target,
            $"the assessment of {file.Organisation} has a target below its present level");
        return new(
            file.Organisation,
            file.Overall.Present,
            file.Overall.Target,
            [.. file.Dimensions.Select(d => new MaturityReferenceDimension(d.Code, d.Present, d.Target))]);
    }

    private static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, EmbeddedJson.Strict) ?? throw new InvalidDataException("The maturity data is empty.");

    private static void Require(bool condition, string rule)
    {
        if (!condition)
        {
            throw new InvalidDataException($"Invalid maturity data: {rule}.");
        }
    }

    private sealed record ModelFile(IReadOnlyList<string> Notes, IReadOnlyList<LevelEntry> Levels, IReadOnlyList<DimensionEntry> Dimensions);

    private sealed record LevelEntry(MaturityLevel Level, string Label);

    private sealed record DimensionEntry(string Code, string Name, IReadOnlyDictionary<MaturityLevel, IReadOnlyList<ActionEntry>> ToReach);

    private sealed record ActionEntry(string Id, string Text, string? Note = null);

    private sealed record AssessmentFile(string Organisation, LevelPair Overall, IReadOnlyList<AssessmentEntry> Dimensions);

    private sealed record LevelPair(MaturityLevel Present, MaturityLevel Target);

    private sealed record AssessmentEntry(string Code, MaturityLevel Present, MaturityLevel Target);
}
