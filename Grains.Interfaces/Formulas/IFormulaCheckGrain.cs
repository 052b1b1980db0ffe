
namespace SocialValue.Formulas;

/// <summary>Dry runs of formulas: validation and compilation without publishing (key <see cref="Default"/>).</summary>
public interface IFormulaCheckGrain : IGrainWithStringKey
{
    /// <summary>The key of the checker.</summary>
    public const string Default = "check";

    /// <summary>Every reason the source would be rejected, with line and column; empty when it would publish.</summary>
    Task<IReadOnlyList<FormulaDiagnostic>> CheckAsync(string source);
}
