using SocialValue.Errors;
using SocialValue.Formulas;

namespace SocialValue.Maturity;

/// <summary>
/// How an organisation's overall level is computed from its ten dimension levels: a formula that sees the levels as
/// numbers, 0 (Incomplete) to 4 (Innovator), as the list <c>"levels"</c> and as inputs named by code
/// (<c>Input("H")</c>). Its value is rounded down to a level: a level is reached only once the formula reaches it.
/// </summary>
public static class OverallFormula
{
    /// <summary>Seed 001: Walsall's ten present levels give Follower and its targets Mature, the lower median of each.</summary>
    public const string DefaultSource = "LowerMedian(\"levels\")";

    public const string LevelsList = "levels";

    /// <summary>The overall present level and target of <paramref name="dimensions"/>.</summary>
    /// <exception cref="FormulaEvaluationException">The formula fails or gives a value that is not a level.</exception>
    public static (MaturityLevel Present, MaturityLevel Target) Evaluate(
        FormulaEngine engine, CompiledFormula formula, IReadOnlyList<DimensionAssessment> dimensions) =>
        (Level(engine, formula, dimensions.Select(d => (d.Code, d.Present))),
         Level(engine, formula, dimensions.Select(d => (d.Code, d.Target))));

    /// <summary>
    /// Proves a new formula on sample indexes (every dimension at each level, a spread, Walsall's assessment) before it
    /// is published, so that a formula that gives no level is refused up front rather than on some later read.
    /// </summary>
    /// <exception cref="ValidationException">On some sample the formula fails or gives no level; the message names it.</exception>
    public static void Prove(FormulaEngine engine, CompiledFormula formula)
    {
        foreach (var (name, levels) in Samples())
        {
            try
            {
                Level(engine, formula, levels);
            }
            catch (FormulaEvaluationException e)
            {
                throw new ValidationException("source", $"For {name}, {e.Message}.");
            }
        }
    }

    /// <summary>The level a formula value stands for, rounding down.</summary>
    /// <exception cref="FormulaEvaluationException">The value is below 0 or not below 5.</exception>
    public static MaturityLevel ToLevel(decimal value)
    {
        var whole = Math.Floor(value);
        return whole is >= 0 and <= (int)MaturityLevel.Innovator
            ? (MaturityLevel)(int)whole
            : throw new FormulaEvaluationException(
                $"the overall formula gives {value}, which is not a level: levels run from 0 (Incomplete) to 4 (Innovator)");
    }

    private static MaturityLevel Level(FormulaEngine engine, CompiledFormula formula, IEnumerable<(string Code, MaturityLevel Level)> levels)
    {
        var byCode = levels.ToDictionary(l => l.Code, l => (decimal)(int)l.Level);
        var inputs = new FormulaInputs(0, 0, 0, byCode, new Dictionary<string, IReadOnlyList<decimal>> { [LevelsList] = [.. byCode.Values] });
        return ToLevel(engine.Evaluate(formula, inputs));
    }

    private static IEnumerable<(string Name, IEnumerable<(string Code, MaturityLevel Level)> Levels)> Samples()
    {
        var codes = MaturityModel.Dimensions.Select(d => d.Code).ToList();
        foreach (var level in Enum.GetValues<MaturityLevel>())
        {
            yield return ($"every dimension at {level}", codes.Select(code => (code, level)));
        }
        yield return ("dimensions spread from Incomplete to Innovator", codes.Select((code, i) => (code, (MaturityLevel)(i / 2))));
        var walsall = MaturityModel.WalsallAssessment;
        yield return ($"the present levels of {walsall.Organisation}", walsall.Dimensions.Select(d => (d.Code, d.Present)));
        yield return ($"the targets of {walsall.Organisation}", walsall.Dimensions.Select(d => (d.Code, d.Target)));
    }
}
