namespace SocialValue.Formulas;

/// <summary>The values one evaluation of a formula sees.</summary>
/// <param name="Quantity">The reported quantity (<c>Quantity</c> in a formula).</param>
/// <param name="Target">The target committed to (<c>Target</c>).</param>
/// <param name="ContractValue">The contract's value in pounds (<c>ContractValue</c>).</param>
/// <param name="Inputs">Named inputs, read by <c>Input("name")</c>.</param>
/// <param name="Lists">Named lists of values for the aggregates <c>Sum</c>, <c>Min</c>, <c>Max</c>, <c>Mean</c>,
/// <c>LowerMedian</c> and <c>Count</c>; none when null.</param>
[GenerateSerializer]
public sealed record FormulaInputs(
    decimal Quantity,
    decimal Target,
    decimal ContractValue,
    IReadOnlyDictionary<string, decimal> Inputs,
    IReadOnlyDictionary<string, IReadOnlyList<decimal>>? Lists = null);
