using System.ComponentModel;

namespace SocialValue.Formulas;

/// <summary>
/// The logic behind the members a formula sees. A formula's source becomes the body of <c>Run</c> in a
/// <c>readonly struct Formula</c> generated from it, whose <c>Quantity</c>,
/// <c>Target</c>, <c>ContractValue</c>, <c>Input("name")</c>, <c>Proxy("code")</c>, <c>Sum</c>, <c>Min</c>,
/// <c>Max</c>, <c>Mean</c>, <c>LowerMedian</c> and <c>Count</c> are in scope unqualified and each forward in one line
/// to a method here. Those members, <see cref="System.Math"/> and numeric primitives are all a formula may touch
/// (see <see cref="FormulaEngine"/>).
/// </summary>
/// <remarks>
/// Public only because the generated code, compiled into an assembly of its own, calls it. A formula cannot: the
/// sandbox allows exactly the generated struct's public instance members, so this type is rejected by any spelling
/// (<c>FormulaHelpers.Input(...)</c>, <c>SocialValue.Formulas.FormulaHelpers</c>, <c>global::</c>).
/// The generated struct is created per evaluation on the stack, so evaluations on several threads never share state
/// and nothing is allocated. Names given to <c>Input</c>, <c>Proxy</c> and the aggregates must be string literals.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class FormulaHelpers
{
    /// <summary>The named input; an evaluation error when the evaluation does not supply it.</summary>
    public static decimal Input(FormulaInputs inputs, string name) =>
        inputs.Inputs.TryGetValue(name, out var value) ? value : throw MissingInput(name);

    /// <summary>
    /// The framework's proxy value, in pounds per unit, for <paramref name="code"/> in force for the period evaluated;
    /// an evaluation error when none is set.
    /// </summary>
    public static decimal Proxy(Func<string, decimal?>? proxy, string code) =>
        proxy?.Invoke(code) ?? throw MissingProxy(code);

    /// <summary>The sum of the named list (0 when it is empty).</summary>
    public static decimal Sum(FormulaInputs inputs, string list)
    {
        var sum = 0m;
        foreach (var value in List(inputs, list))
        {
            sum += value;
        }

        return sum;
    }

    /// <summary>The smallest value of the named list.</summary>
    public static decimal Min(FormulaInputs inputs, string list) => NonEmpty(inputs, list).Min();

    /// <summary>The largest value of the named list.</summary>
    public static decimal Max(FormulaInputs inputs, string list) => NonEmpty(inputs, list).Max();

    /// <summary>The arithmetic mean of the named list.</summary>
    public static decimal Mean(FormulaInputs inputs, string list) => Sum(inputs, list) / NonEmpty(inputs, list).Count;

    /// <summary>
    /// The lower median of the named list: the middle value once sorted, or the lower of the two middle values
    /// when the count is even (the maturity overall level is the lower median of ten dimension levels).
    /// </summary>
    public static decimal LowerMedian(FormulaInputs inputs, string list)
    {
        var values = NonEmpty(inputs, list);
        Span<decimal> sorted = values.Count <= 32 ? stackalloc decimal[values.Count] : new decimal[values.Count];
        for (var i = 0; i < sorted.Length; i++)
        {
            sorted[i] = values[i];
        }

        sorted.Sort();
        return sorted[(sorted.Length - 1) / 2];
    }

    /// <summary>How many values the named list has.</summary>
    public static decimal Count(FormulaInputs inputs, string list) => List(inputs, list).Count;

    // A list given as null (JSON allows {"xs": null}) is one not supplied, never a NullReferenceException mid-formula.
    private static IReadOnlyList<decimal> List(FormulaInputs inputs, string name) =>
        inputs.Lists is { } lists && lists.TryGetValue(name, out var list) && list is not null
            ? list
            : throw new FormulaEvaluationException($"the formula needs the list '{name}', which was not supplied");

    private static IReadOnlyList<decimal> NonEmpty(FormulaInputs inputs, string name) =>
        List(inputs, name) is { Count: > 0 } list
            ? list
            : throw new FormulaEvaluationException($"the list '{name}' is empty, so it has no minimum, maximum, mean or median");

    // Built out of line so that Input and Proxy stay small enough to inline into the generated struct.
    private static FormulaEvaluationException MissingInput(string name) =>
        new($"the formula needs the input '{name}', which was not supplied");

    private static FormulaEvaluationException MissingProxy(string code) =>
        new($"the formula needs the proxy value '{code}', which is not set for this framework and period");
}
