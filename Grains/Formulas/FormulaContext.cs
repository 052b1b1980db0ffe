namespace SocialValue.Formulas;

/// <summary>
/// What a formula sees. A formula's source becomes the body of <see cref="Run"/> in a class generated from it that
/// derives from this one, so <c>Quantity</c>, <c>Input("name")</c>, <c>Proxy("code")</c> and the aggregates are in
/// scope unqualified; <c>Math</c> is <see cref="System.Math"/>. The public members here, <see cref="System.Math"/>
/// and numeric primitives are all a formula may touch (see <see cref="FormulaEngine"/>).
/// </summary>
/// <remarks>
/// One instance serves one evaluation, so evaluations on several threads never share state.
/// Names given to <see cref="Input"/>, <see cref="Proxy"/> and the aggregates must be string literals.
/// </remarks>
public abstract class FormulaContext
{
    private FormulaInputs _inputs = null!;
    private Func<string, decimal?>? _proxy;

    /// <summary>For the classes generated from formulas only.</summary>
    protected FormulaContext()
    {
    }

    /// <summary>The reported quantity.</summary>
    public decimal Quantity => _inputs.Quantity;

    /// <summary>The target committed to.</summary>
    public decimal Target => _inputs.Target;

    /// <summary>The contract's value in pounds.</summary>
    public decimal ContractValue => _inputs.ContractValue;

    /// <summary>The named input; an evaluation error when the evaluation does not supply it.</summary>
    public decimal Input(string name) =>
        _inputs.Inputs.TryGetValue(name, out var value)
            ? value
            : throw new FormulaEvaluationException($"the formula needs the input '{name}', which was not supplied");

    /// <summary>
    /// The framework's proxy value, in pounds per unit, for <paramref name="code"/> in force for the period evaluated;
    /// an evaluation error when none is set.
    /// </summary>
    public decimal Proxy(string code) =>
        _proxy?.Invoke(code)
        ?? throw new FormulaEvaluationException($"the formula needs the proxy value '{code}', which is not set for this framework and period");

    /// <summary>The sum of the named list (0 when it is empty).</summary>
    public decimal Sum(string list)
    {
        var sum = 0m;
        foreach (var value in List(list))
        {
            sum += value;
        }

        return sum;
    }

    /// <summary>The smallest value of the named list.</summary>
    public decimal Min(string list) => NonEmpty(list).Min();

    /// <summary>The largest value of the named list.</summary>
    public decimal Max(string list) => NonEmpty(list).Max();

    /// <summary>The arithmetic mean of the named list.</summary>
    public decimal Mean(string list) => Sum(list) / NonEmpty(list).Count;

    /// <summary>
    /// The lower median of the named list: the middle value once sorted, or the lower of the two middle values
    /// when the count is even (the maturity overall level is the lower median of ten dimension levels).
    /// </summary>
    public decimal LowerMedian(string list)
    {
        var values = NonEmpty(list);
        Span<decimal> sorted = values.Count <= 32 ? stackalloc decimal[values.Count] : new decimal[values.Count];
        for (var i = 0; i < sorted.Length; i++)
        {
            sorted[i] = values[i];
        }

        sorted.Sort();
        return sorted[(sorted.Length - 1) / 2];
    }

    /// <summary>How many values the named list has.</summary>
    public decimal Count(string list) => List(list).Count;

    /// <summary>The formula's body, generated from its source.</summary>
    protected abstract decimal Run();

    internal decimal Evaluate(FormulaInputs inputs, Func<string, decimal?>? proxy)
    {
        _inputs = inputs;
        _proxy = proxy;
        return Run();
    }

    private IReadOnlyList<decimal> List(string name) =>
        _inputs.Lists is { } lists && lists.TryGetValue(name, out var list)
            ? list
            : throw new FormulaEvaluationException($"the formula needs the list '{name}', which was not supplied");

    private IReadOnlyList<decimal> NonEmpty(string name) =>
        List(name) is { Count: > 0 } list
            ? list
            : throw new FormulaEvaluationException($"the list '{name}' is empty, so it has no minimum, maximum, mean or median");
}
