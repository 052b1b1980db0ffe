using SocialValue.Formulas;

namespace SocialValue.Bench.Formulas;

/// <summary>
/// What a naive implementation hands <c>CSharpScript</c>: the formula context as script globals, one instance per
/// evaluation. Public because scripts bind to it; its public surface uses only decimal and string so that a script
/// needs no reference beyond this assembly.
/// </summary>
public sealed class ScriptGlobals
{
    private readonly FormulaInputs _inputs;
    private readonly Func<string, decimal?> _proxy;

    internal ScriptGlobals(FormulaInputs inputs, Func<string, decimal?> proxy)
    {
        _inputs = inputs;
        _proxy = proxy;
    }

    public decimal Quantity => _inputs.Quantity;

    public decimal Target => _inputs.Target;

    public decimal ContractValue => _inputs.ContractValue;

    public decimal Input(string name) => _inputs.Inputs[name];

    public decimal Proxy(string code) => _proxy(code) ?? throw new InvalidOperationException($"the proxy value '{code}' is not set");
}
