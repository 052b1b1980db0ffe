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
    public void An_unreferenced_version_unloads_once_it_is_no_longer_among_the_recent()
    {
        var engine = new FormulaEngine(keepRecent: 1);
        var loadContext = CompileEvaluateAndForget(engine, "Quantity * 4");
        engine.Compile("Quantity * 6");

        Collect(loadContext);

        Assert.False(loadContext.IsAlive);
        Assert.Equal(40m, engine.Evaluate(engine.Compile("Quantity * 4"), Ten));
    }

    [Fact]
    public void The_engine_keeps_the_most_recently_used_versions_compiled_and_no_more()
    {
        var engine = new FormulaEngine(keepRecent: 2);
        var first = CompileEvaluateAndForget(engine, "Quantity * 4");
        var second = CompileEvaluateAndForget(engine, "(Quantity * 4)");
        CompileEvaluateAndForget(engine, "Quantity * 4 + 0");
        engine.Compile("(Quantity * 4)"); // used again: now the most recent, so the third is the least

        var third = CompileEvaluateAndForget(engine, "Quantity * 4 + 0");
        var fourth = CompileEvaluateAndForget(engine, "Quantity * 4 * 1");
        Collect(first);
        Collect(second);

        Assert.Equal(2, engine.RecentCount);
        Assert.False(first.IsAlive);
        Assert.False(second.IsAlive, "used before the third and the fourth, so let go");
        Assert.True(third.IsAlive);
        Assert.True(fourth.IsAlive);
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

    private static void Collect(WeakReference loadContext)
    {
        for (var i = 0; loadContext.IsAlive && i < 10; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference CompileEvaluateAndForget(FormulaEngine engine, string source)
    {
        var formula = engine.Compile(source);
        Assert.Equal(40m, engine.Evaluate(formula, Ten));
        return new WeakReference(formula.LoadContext);
    }
}
