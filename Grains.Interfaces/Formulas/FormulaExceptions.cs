namespace SocialValue.Formulas;

/// <summary>A formula failed validation or did not compile (HTTP 422 with the diagnostics).</summary>
[GenerateSerializer]
public sealed class FormulaRejectedException(IReadOnlyList<FormulaDiagnostic> diagnostics)
    : Exception("The formula was rejected: " + string.Join("; ", diagnostics))
{
    /// <summary>Every reason, in source order.</summary>
    [Id(0)]
    public IReadOnlyList<FormulaDiagnostic> Diagnostics { get; } = diagnostics;
}

/// <summary>
/// A valid formula could not compute a value for these inputs (HTTP 422): division by zero, overflow, an input,
/// list or proxy value that was not supplied. The message says which, in a sentence fit to show the user.
/// </summary>
[GenerateSerializer]
public sealed class FormulaEvaluationException(string message, Exception? innerException = null)
    : Exception(message, innerException);
