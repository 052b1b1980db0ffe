
namespace SocialValue.Formulas;

/// <summary>Dry runs of formulas: validation and compilation without publishing (key <see cref="Default"/>).</summary>
public interface IFormulaCheckGrain : IGrainWithStringKey
{
    /// <summary>The key of the checker.</summary>
    public const string Default = "check";

    /// <summary>Every reason the source would be rejected, with line and column (none when it would publish), and the inputs it reads.</summary>
    Task<FormulaCheck> CheckAsync(string source);
}

/// <summary>
/// A dry run of a formula: every reason it would be rejected, in source order, and, when there is none, the names it
/// reads with <c>Input("name")</c> in order of first use (empty for a rejected formula).
/// </summary>
[GenerateSerializer]
public sealed record FormulaCheck(IReadOnlyList<FormulaDiagnostic> Diagnostics, IReadOnlyList<string> Inputs);
