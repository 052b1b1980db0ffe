using System.Runtime.Loader;

namespace SocialValue.Formulas;

/// <summary>
/// One formula source, validated and compiled into its own collectible load context. Hold it for as long as the
/// version may be evaluated; once nothing references it, its code unloads.
/// </summary>
public sealed class CompiledFormula
{
    private readonly Func<FormulaContext> _create;

    internal CompiledFormula(string source, Func<FormulaContext> create, AssemblyLoadContext loadContext)
    {
        Source = source;
        _create = create;
        LoadContext = loadContext;
    }

    /// <summary>The administrator's source, exactly as compiled.</summary>
    public string Source { get; }

    // Held so that the context cannot be finalised, and so begin unloading, while its code is still in use.
    internal AssemblyLoadContext LoadContext { get; }

    internal decimal Evaluate(FormulaInputs inputs, Func<string, decimal?>? proxy) => _create().Evaluate(inputs, proxy);
}
