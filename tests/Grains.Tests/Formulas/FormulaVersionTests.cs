using System.Runtime.CompilerServices;
using SocialValue.Formulas;

namespace SocialValue.Grains.Tests.Formulas;

public sealed class FormulaVersionTests
{
    private static readonly FormulaInputs Ten = new(10m, 0m, 0m, new Dictionary<string, decimal>());

    private readonly FormulaEngine _engine = new();

    [Fact]
    public void Two_versions_of_different_sources_are_independent()
    {
        var version1 = _engine.Compile("Quantity * 2");
        var before = _engine.Evaluate(version1, Ten);

        var version2 = _engine.Compile("Quantity * 3");

        Assert.NotSame(version1.LoadContext, version2.LoadContext);
        Assert.Equal(20m, before);
        Assert.Equal(20m, _engine.Evaluate(version1, Ten));
        Assert.Equal(30m, _engine.Evaluate(version2, Ten));
    }

    [Fact]
    public void Compiling_the_same_source_twice_returns_the_cached_formula()
    {
        var first = _engine.Compile("Quantity + 1");

        Assert.Same(first, _engine.Compile("Quantity + 1"));
        Assert.NotSame(first, _engine.Compile("Quantity + 1 "));
    }

    [Fact]
    public void Concurrent_compiles_of_one_source_share_one_formula()
    {
        var compiled = new CompiledFormula[8];

        Parallel.For(0, compiled.Length, i => compiled[i] = _engine.Compile("Quantity - 1"));

        Assert.All(compiled, c => Assert.Same(compiled[0], c));
    }

    [Fact]
    public void An_unreferenced_version_unloads_its_load_context()
    {
        var loadContext = CompileEvaluateAndForget(_engine, "Quantity * 4");

        for (var i = 0; loadContext.IsAlive && i < 10; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        Assert.False(loadContext.IsAlive);
        Assert.Equal(40m, _engine.Evaluate(_engine.Compile("Quantity * 4"), Ten));
    }

    [Fact]
    public void A_referenced_version_stays_loaded_and_usable_through_collections()
    {
        var formula = _engine.Compile("Quantity * 5");
        var loadContext = new WeakReference(formula.LoadContext);

        for (var i = 0; i < 3; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        Assert.True(loadContext.IsAlive);
        Assert.Same(formula, _engine.Compile("Quantity * 5"));
        Assert.Equal(50m, _engine.Evaluate(formula, Ten));
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference CompileEvaluateAndForget(FormulaEngine engine, string source)
    {
        var formula = engine.Compile(source);
        Assert.Equal(40m, engine.Evaluate(formula, Ten));
        return new WeakReference(formula.LoadContext);
    }
}
