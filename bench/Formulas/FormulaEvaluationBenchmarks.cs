using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis.Scripting;
using SocialValue.Formulas;

namespace SocialValue.Bench.Formulas;

/// <summary>
/// One evaluation of each formula three ways, side by side in one run: the same expression as a C# lambda held in a
/// delegate (the baseline, and the limit), the engine evaluating its pre-compiled version, and a pre-compiled
/// <c>CSharpScript</c> run with <c>RunAsync</c> over fresh globals (what a naive implementation does).
/// </summary>
[Config(typeof(BenchConfig))]
[MemoryDiagnoser]
public class FormulaEvaluationBenchmarks
{
    private readonly FormulaEngine _engine = new();
    private readonly FormulaInputs _inputs = BenchFormula.Inputs(41);
    private Func<FormulaInputs, Func<string, decimal?>, decimal> _lambda = null!;
    private CompiledFormula _compiled = null!;
    private Script<decimal> _script = null!;

    [Params("Count", "ProxyAmount", "Share")]
    public string Formula { get; set; } = "Count";

    [GlobalSetup]
    public void Setup()
    {
        var formula = BenchFormula.Named(Formula);
        _lambda = formula.Lambda;
        _compiled = _engine.Compile(formula.Source);
        _script = formula.CreateScript();
        _script.Compile();

        var expected = Lambda();
        if (Engine() != expected || Script().GetAwaiter().GetResult() != expected)
        {
            throw new InvalidOperationException($"{Formula}: the engine, the lambda and the script disagree");
        }
    }

    [Benchmark(Baseline = true)]
    public decimal Lambda() => _lambda(_inputs, BenchFormula.Proxy);

    [Benchmark]
    public decimal Engine() => _engine.Evaluate(_compiled, _inputs, BenchFormula.Proxy);

    [Benchmark]
    public async Task<decimal> Script() => (await _script.RunAsync(new ScriptGlobals(_inputs, BenchFormula.Proxy))).ReturnValue;
}
