using SocialValue.Frameworks;

namespace SocialValue.Contracts;

/// <summary>
/// Whether a return line or a commitment gives exactly the named inputs its measure's formulas read: one missing would
/// fail the valuation, and one nobody reads is most likely a misspelt name, so either is refused, naming what is read.
/// </summary>
internal static class LineInputs
{
    /// <summary>
    /// What is wrong with <paramref name="given"/> against the names <paramref name="read"/> by formula version
    /// <paramref name="version"/> of <paramref name="measureId"/>; empty when they match. <paramref name="subject"/>
    /// starts the sentence ("The line", "The commitment").
    /// </summary>
    public static IReadOnlyList<string> Problems(
        IReadOnlyList<string> read, IReadOnlyDictionary<string, decimal>? given, string measureId, int version, string subject)
    {
        given ??= new Dictionary<string, decimal>();
        var problems = new List<string>();
        string[] missing = [.. read.Where(name => !given.ContainsKey(name))];
        if (missing.Length > 0)
        {
            // The sentence evaluation gives for one missing input, so that a line reads the same whichever finds it.
            problems.Add($"{subject} cannot be valued with formula version {version} of '{measureId}': the formula needs the "
                + $"{Plural(missing.Length, "input")} {Names(missing)}, which {(missing.Length == 1 ? "was" : "were")} not supplied.");
        }
        string[] unknown = [.. given.Keys.Where(name => !read.Contains(name, StringComparer.Ordinal)).Order(StringComparer.Ordinal)];
        if (unknown.Length > 0)
        {
            problems.Add($"Formula version {version} of '{measureId}' reads no {Plural(unknown.Length, "input")} {Names(unknown)}; "
                + (read.Count == 0 ? "it reads no inputs, so give none." : $"it reads {Names(read)}."));
        }
        return problems;
    }

    /// <summary>
    /// What is wrong with the inputs a commitment on <paramref name="measure"/> gives: those its formula reads to value
    /// the target, or none when the target is a share or a change that only the returns can value.
    /// </summary>
    public static IReadOnlyList<string> OfCommitment(MeasureDetails measure, IReadOnlyDictionary<string, decimal>? given) =>
        !MeasureFigure.Adds(measure.Figure) && given is { Count: > 0 }
            ? [$"The target on '{measure.Id}' is a figure in {measure.Unit} that only the returns can value, so a commitment on it gives no inputs; the returns give them."]
            : Problems(measure.CommitmentInputs(), given, measure.Id, measure.Formula.Version, "The commitment");

    private static string Plural(int count, string noun) => count == 1 ? noun : noun + "s";

    private static string Names(IReadOnlyList<string> names)
    {
        var quoted = names.Select(n => $"'{n}'").ToList();
        return quoted.Count == 1 ? quoted[0] : $"{string.Join(", ", quoted[..^1])} and {quoted[^1]}";
    }
}
