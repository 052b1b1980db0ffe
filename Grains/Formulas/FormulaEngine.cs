using System.Collections.Concurrent;

namespace SocialValue.Formulas;

/// <summary>
/// Validates, compiles and evaluates formulas: the body of a C# expression (<c>Quantity * Proxy("NT1")</c>) or of a
/// short block (<c>var share = Quantity / ContractValue; return share * 100;</c>) returning a decimal. One engine
/// serves the whole process; every member is thread-safe.
/// </summary>
/// <remarks>
/// <para>
/// In scope: <c>Quantity</c>, <c>Target</c>, <c>ContractValue</c>, <c>Input("name")</c>, <c>Proxy("code")</c>,
/// <c>Sum</c>, <c>Min</c>, <c>Max</c>, <c>Mean</c>, <c>LowerMedian</c> and <c>Count</c> over a named list (see
/// <see cref="FormulaHelpers"/>), and <c>Math</c>. A real literal without a suffix is a decimal (<c>0.3</c> means
/// <c>0.3m</c>), so <c>Quantity * 0.3</c> is decimal arithmetic; write <c>0.3d</c> for a double, which then needs
/// an explicit <c>(decimal)</c> cast like any double. Integer literals are ints and widen to decimal implicitly.
/// Arithmetic is always checked.
/// </para>
/// <para>
/// Before anything is compiled, a source must be at most <see cref="MaxSourceBytes"/> bytes of UTF-8, nest brackets
/// at most 32 deep (its syntax tree at most 128 levels) and use only an allow-list: the members above, <see cref="Math"/>, numeric primitives and bool,
/// their operators and conversions, local variables of those types, <c>if</c>/<c>else</c>, <c>?:</c>, <c>return</c>
/// and <c>checked</c>. Loops, <c>goto</c>, recursion, lambdas and local functions are rejected, so a formula that
/// passes always terminates after a number of steps bounded by its length: evaluation needs no timeout.
/// </para>
/// </remarks>
public sealed class FormulaEngine
{
    /// <summary>The largest source accepted, in bytes of UTF-8.</summary>
    public const int MaxSourceBytes = FormulaCompiler.MaxSourceBytes;

    /// <summary>How many of the most recently used formulas the engine keeps compiled when nobody else holds them.</summary>
    public const int DefaultKeepRecent = 256;

    private const int MinSweepAt = 64;

    private readonly ConcurrentDictionary<string, Slot> _compiled = new(StringComparer.Ordinal);
    private readonly Lock _sweepGate = new();
    private int _sweepAt = MinSweepAt;

    // The recently used formulas, most recent first, held strongly so that a version read now and then is not compiled
    // on every read; beyond the bound the least recent is let go, and unloads once its last evaluation ends.
    private readonly int _keepRecent;
    private readonly LinkedList<Slot> _recent = [];
    private readonly Lock _recentGate = new();

    public FormulaEngine(int keepRecent = DefaultKeepRecent)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(keepRecent);
        _keepRecent = keepRecent;
    }

    /// <summary>Every reason <paramref name="source"/> would be rejected, in source order; empty when it compiles.</summary>
    public IReadOnlyList<FormulaDiagnostic> Check(string source) => FormulaCompiler.Check(source);

    /// <summary>
    /// The compiled formula for <paramref name="source"/>. A source is compiled once and shared for as long as anyone
    /// holds the result or it is among the <see cref="DefaultKeepRecent"/> (or as configured) most recently compiled or
    /// asked for; past that the engine holds it only weakly, so an unused version unloads and any number of versions
    /// read once cost bounded memory.
    /// </summary>
    /// <exception cref="FormulaRejectedException">The source fails validation or does not compile.</exception>
    public CompiledFormula Compile(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var slot = _compiled.GetOrAdd(source, static _ => new Slot());
        CompiledFormula compiled;
        lock (slot)
        {
            if (slot.Formula?.TryGetTarget(out var cached) == true)
            {
                KeepRecent(slot, cached);
                return cached;
            }

            try
            {
                compiled = FormulaCompiler.Compile(source);
            }
            catch (FormulaRejectedException)
            {
                _compiled.TryRemove(KeyValuePair.Create(source, slot));
                throw;
            }

            slot.Formula = new WeakReference<CompiledFormula>(compiled);
        }

        KeepRecent(slot, compiled);
        SweepIfLarge();
        return compiled;
    }

    /// <summary>How many formulas the engine holds strongly now (for tests and diagnostics).</summary>
    public int RecentCount
    {
        get
        {
            lock (_recentGate)
            {
                return _recent.Count;
            }
        }
    }

    private void KeepRecent(Slot slot, CompiledFormula formula)
    {
        lock (_recentGate)
        {
            if (slot.Recent is { } node)
            {
                if (node != _recent.First)
                {
                    _recent.Remove(node);
                    _recent.AddFirst(node);
                }
            }
            else
            {
                slot.Recent = _recent.AddFirst(slot);
            }
            slot.Held = formula;
            while (_recent.Count > _keepRecent)
            {
                var least = _recent.Last!.Value;
                _recent.RemoveLast();
                least.Recent = null;
                least.Held = null;
            }
        }
    }

    /// <summary>
    /// Evaluates <paramref name="formula"/>; <paramref name="proxy"/> gives the proxy value in force for the period
    /// evaluated, or null when none is set.
    /// </summary>
    /// <exception cref="FormulaEvaluationException">
    /// Division by zero, overflow, a Math function given a value outside its domain, or an input, list or proxy value
    /// that is not supplied.
    /// </exception>
    public decimal Evaluate(CompiledFormula formula, FormulaInputs inputs, Func<string, decimal?>? proxy = null)
    {
        ArgumentNullException.ThrowIfNull(formula);
        ArgumentNullException.ThrowIfNull(inputs);
        try
        {
            return formula.Evaluate(inputs, proxy);
        }
        catch (DivideByZeroException e)
        {
            throw new FormulaEvaluationException("the formula divides by zero", e);
        }
        catch (OverflowException e)
        {
            throw new FormulaEvaluationException("the formula overflows: a value is too large or too small for its type", e);
        }
        catch (ArithmeticException e)
        {
            throw new FormulaEvaluationException($"the formula's arithmetic fails: {e.Message}", e);
        }
        catch (ArgumentException e)
        {
            throw new FormulaEvaluationException($"a Math function was given a value it does not accept: {e.Message}", e);
        }
    }

    private void SweepIfLarge()
    {
        lock (_sweepGate)
        {
            if (_compiled.Count < _sweepAt)
            {
                return;
            }

            foreach (var entry in _compiled)
            {
                if (entry.Value.Formula?.TryGetTarget(out _) == false)
                {
                    _compiled.TryRemove(entry);
                }
            }

            _sweepAt = Math.Max(MinSweepAt, _compiled.Count * 2);
        }
    }

    private sealed class Slot
    {
        public WeakReference<CompiledFormula>? Formula { get; set; }

        // Set only under the engine's recent-list lock.
        public LinkedListNode<Slot>? Recent { get; set; }

        public CompiledFormula? Held { get; set; }
    }
}
