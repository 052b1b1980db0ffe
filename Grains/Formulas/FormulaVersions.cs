using SocialValue.Frameworks;

namespace SocialValue.Formulas;

/// <summary>Formula versions with the input names they read (<see cref="FormulaVersionDetails.Inputs"/>).</summary>
internal static class FormulaVersions
{
    /// <summary>A version of <paramref name="source"/> being published, with the names it reads.</summary>
    public static FormulaVersionDetails New(int version, string source, string author, DateTimeOffset publishedAt) =>
        new(version, source, author, publishedAt, FormulaInputNames.Of(source));

    /// <summary>
    /// <paramref name="version"/> with its input names, read from its source when it was stored before they were
    /// recorded; the grain's next write stores them.
    /// </summary>
    public static FormulaVersionDetails WithInputs(this FormulaVersionDetails version) =>
        version.Inputs is null ? version with { Inputs = FormulaInputNames.Of(version.Source) } : version;

    /// <summary>Each of <paramref name="versions"/> with its input names.</summary>
    public static List<FormulaVersionDetails> WithInputs(this IEnumerable<FormulaVersionDetails> versions) => [.. versions.Select(WithInputs)];
}
