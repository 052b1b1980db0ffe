using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;
using SocialValue.Formulas;

namespace SocialValue.Bench.Formulas;

/// <summary>
/// One formula written three ways over the same inputs: the engine's source, the same text as a C# script over
/// <see cref="ScriptGlobals"/>, and the same expression as a compiled C# lambda (the limit any engine can reach).
/// </summary>
/// <remarks>
/// The lambdas are not inlined: a formula chosen at run time from data is always a call, and dynamic PGO would
/// otherwise fold <c>Quantity</c> into the benchmark loop and measure nothing (about 0.1 ns).
/// </remarks>
public sealed record BenchFormula(string Name, string Source, Func<FormulaInputs, Func<string, decimal?>, decimal> Lambda)
{
    public const string TotalSpend = "totalSpend";

    /// <summary>A count, a proxy £ amount, and a percentage of a total written as a block.</summary>
    public static readonly IReadOnlyList<BenchFormula> All =
    [
        new("Count", "Quantity", [MethodImpl(MethodImplOptions.NoInlining)] (inputs, _) => inputs.Quantity),
        new(
            "ProxyAmount",
            "Quantity * Proxy(\"NT1\")",
            [MethodImpl(MethodImplOptions.NoInlining)] (inputs, proxy) => inputs.Quantity * (proxy("NT1") ?? throw MissingProxy())),
        new(
            "Share",
            "var share = Quantity / Input(\"totalSpend\"); return Math.Round(share / 0.3m * 100, 1);",
            [MethodImpl(MethodImplOptions.NoInlining)] (inputs, _) =>
            {
                var share = inputs.Quantity / inputs.Inputs[TotalSpend];
                return Math.Round(share / 0.3m * 100, 1);
            }),
    ];

    private static readonly Dictionary<string, decimal> ProxyValues = new(StringComparer.Ordinal)
    {
        ["NT1"] = 12.5m,
        ["NT2"] = 3_250m,
        ["NT3"] = 0.85m,
    };

    /// <summary>The proxy values in force, looked up the way a framework grain hands them to the engine.</summary>
    public static readonly Func<string, decimal?> Proxy = code => ProxyValues.TryGetValue(code, out var value) ? value : null;

    // What a naive implementation would give its scripts: System imported, and the globals' assembly to bind to.
    private static readonly ScriptOptions Scripting = ScriptOptions.Default
        .WithImports("System")
        .AddReferences(typeof(ScriptGlobals).Assembly);

    public static BenchFormula Named(string name) => All.Single(f => f.Name == name);

    /// <summary>The inputs of the <paramref name="row"/>th stored evaluation; every row is valid for all three formulas.</summary>
    public static FormulaInputs Inputs(int row)
    {
        var quantity = 1 + row % 10_000;
        return new FormulaInputs(quantity, 5_000m, 1_250_000m + row, new Dictionary<string, decimal>(StringComparer.Ordinal)
        {
            [TotalSpend] = quantity * 4m + 7m,
        });
    }

    /// <summary>The formula as a script over <see cref="ScriptGlobals"/>, not yet compiled.</summary>
    public Script<decimal> CreateScript() => CSharpScript.Create<decimal>(Source, Scripting, typeof(ScriptGlobals));

    /// <summary>The naive path at its worst: compile the formula as a script and run it, on every evaluation.</summary>
    public Task<decimal> EvaluateScriptAsync(FormulaInputs inputs) =>
        CSharpScript.EvaluateAsync<decimal>(Source, Scripting, new ScriptGlobals(inputs, Proxy), typeof(ScriptGlobals));

    private static InvalidOperationException MissingProxy() => new("the proxy value 'NT1' is not set");
}
