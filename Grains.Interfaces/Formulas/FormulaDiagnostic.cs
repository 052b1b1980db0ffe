namespace SocialValue.Formulas;

/// <summary>
/// Why a formula was rejected, located like a compiler error: <paramref name="Line"/> and <paramref name="Column"/>
/// are 1-based and relative to the administrator's source text (a tab counts as one column).
/// </summary>
/// <param name="Line">The 1-based line in the formula's source.</param>
/// <param name="Column">The 1-based column in that line.</param>
/// <param name="Message">A human sentence, e.g. "loops are not allowed in a formula".</param>
[GenerateSerializer]
public sealed record FormulaDiagnostic(int Line, int Column, string Message)
{
    /// <inheritdoc/>
    public override string ToString() => $"({Line},{Column}): {Message}";
}
