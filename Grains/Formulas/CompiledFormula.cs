using System.Runtime.Loader;

namespace SocialValue.Formulas;

/// <summary>
/// One formula source, validated and compiled into its own collectible load context. Hold it for as long as the
/// version may be evaluated; once nothing references it, its code unloads.
/// </summary>
public sealed class CompiledFormula
{
    // The generated struct's static Evaluate: builds the struct on the stack and runs the formula, allocating nothing.
    private readonly Func<FormulaInputs, Func<string, decimal?>?, decimal> _evaluate;

    internal CompiledFormula(string source, Func<FormulaInputs, Func<string, decimal?>?, decimal> evaluate, AssemblyLoadContext loadContext)
    {
        Source = source;
        _evaluate = evaluate;
        LoadContext = loadContext;
    }

    /// <summary>The administrator's source, exactly as compiled.</summary>
    public string Source { get; }

    // Held so that the context cannot be finalised, and so begin unloading, while its code is still in use.
    internal AssemblyLoadContext LoadContext { get; }

    internal decimal Evaluate(FormulaInputs inputs, Func<string, decimal?>? proxy) => _evaluate(inputs, proxy);
}
