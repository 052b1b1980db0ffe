using SocialValue.Frameworks;

namespace SocialValue.Maturity;

/// <summary>The five ordered levels of the Social Value Maturity Index (seed 001).</summary>
[GenerateSerializer]
public enum MaturityLevel
{
    Incomplete = 0,
    Follower = 1,
    Mature = 2,
    Leader = 3,
    Innovator = 4,
}

/// <summary>A level with the label the seed prints for it, e.g. "Incomplete/Non Compliant".</summary>
[GenerateSerializer]
public sealed record MaturityLevelDefinition(MaturityLevel Level, string Label);

/// <summary>One of the ten dimensions of the index, coded <c>A</c>–<c>J</c>.</summary>
[GenerateSerializer]
public sealed record MaturityDimensionDefinition(string Code, string Name);

/// <summary>
/// An action of the catalogue: something a dimension must do to reach <paramref name="Level"/>, in the seed's words.
/// <paramref name="Note"/> records a judgement made reading the seed, when one was needed.
/// </summary>
[GenerateSerializer]
public sealed record MaturityActionDefinition(string Id, string DimensionCode, MaturityLevel Level, string Text, string? Note);

/// <summary>The model as callers see it: levels, dimensions with their catalogue actions, and the overall formula in force.</summary>
[GenerateSerializer]
public sealed record MaturityModelDetails(
    IReadOnlyList<MaturityLevelDefinition> Levels,
    IReadOnlyList<MaturityDimensionDefinition> Dimensions,
    IReadOnlyList<MaturityActionDefinition> Actions,
    FormulaVersionDetails OverallFormula,
    IReadOnlyList<string> Notes);
