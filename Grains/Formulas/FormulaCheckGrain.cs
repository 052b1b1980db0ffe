using SocialValue.Runtime;

namespace SocialValue.Formulas;

public sealed class FormulaCheckGrain(IGrainContext context, FormulaEngine formulas) : Grain(context), IFormulaCheckGrain
{
    public Task<IReadOnlyList<FormulaDiagnostic>> CheckAsync(string source) => Task.FromResult(formulas.Check(source));
}
