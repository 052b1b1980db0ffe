using Orleans.Concurrency;

namespace SocialValue.Formulas;

/// <summary>Checking a draft is stateless work: Orleans runs as many activations per Silo as there are checks waiting.</summary>
[StatelessWorker]
public sealed class FormulaCheckGrain(FormulaEngine formulas) : Grain, IFormulaCheckGrain
{
    public Task<FormulaCheck> CheckAsync(string source)
    {
        var diagnostics = formulas.Check(source);
        return Task.FromResult(new FormulaCheck(diagnostics, diagnostics.Count == 0 ? FormulaInputNames.Of(source) : []));
    }
}
