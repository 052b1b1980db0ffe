using Orleans.Concurrency;

namespace SocialValue.Formulas;

/// <summary>Checking a draft is stateless work: Orleans runs as many activations per Silo as there are checks waiting.</summary>
[StatelessWorker]
public sealed class FormulaCheckGrain(FormulaEngine formulas) : Grain, IFormulaCheckGrain
{
    public Task<IReadOnlyList<FormulaDiagnostic>> CheckAsync(string source) => Task.FromResult(formulas.Check(source));
}
