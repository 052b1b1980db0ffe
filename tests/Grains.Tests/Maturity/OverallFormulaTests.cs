using SocialValue.Errors;
using SocialValue.Formulas;
using SocialValue.Maturity;

namespace SocialValue.Grains.Tests.Maturity;

public sealed class OverallFormulaTests
{
    private static readonly FormulaEngine Engine = new();

    private static IReadOnlyList<DimensionAssessment> Walsall =>
        [.. MaturityModel.WalsallAssessment.Dimensions.Select(d => new DimensionAssessment(d.Code, d.Present, d.Target))];

    [Fact]
    public void The_default_formula_gives_Walsall_Follower_now_and_Mature_as_target_as_the_seed_prints()
    {
        var overall = OverallFormula.Evaluate(Engine, Engine.Compile(OverallFormula.DefaultSource), Walsall);

        Assert.Equal((MaturityLevel.Follower, MaturityLevel.Mature), overall);
        Assert.Equal((MaturityModel.WalsallAssessment.OverallPresent, MaturityModel.WalsallAssessment.OverallTarget), overall);
    }

    [Theory]
    [InlineData("Max(\"levels\")", MaturityLevel.Mature, MaturityLevel.Leader)]
    [InlineData("Min(\"levels\")", MaturityLevel.Incomplete, MaturityLevel.Mature)]
    [InlineData("Mean(\"levels\")", MaturityLevel.Follower, MaturityLevel.Mature)]
    [InlineData("Input(\"A\")", MaturityLevel.Mature, MaturityLevel.Leader)]
    public void Other_formulas_give_other_overall_levels(string source, MaturityLevel present, MaturityLevel target)
    {
        Assert.Equal((present, target), OverallFormula.Evaluate(Engine, Engine.Compile(source), Walsall));
    }

    [Theory]
    [InlineData(0, MaturityLevel.Incomplete)]
    [InlineData(1.99, MaturityLevel.Follower)]
    [InlineData(2, MaturityLevel.Mature)]
    [InlineData(4.5, MaturityLevel.Innovator)]
    public void A_value_rounds_down_to_the_level_it_has_reached(decimal value, MaturityLevel level)
    {
        Assert.Equal(level, OverallFormula.ToLevel(value));
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(5)]
    [InlineData(12)]
    public void A_value_outside_the_levels_is_an_evaluation_error(decimal value)
    {
        Assert.Throws<FormulaEvaluationException>(() => OverallFormula.ToLevel(value));
    }

    [Theory]
    [InlineData("Sum(\"levels\")", "not a level")]
    [InlineData("Input(\"K\")", "the input 'K'")]
    [InlineData("Input(\"A\") == 2 ? 1 / (Input(\"B\") - 2) : 1", "divides by zero")]
    public void Proving_refuses_a_formula_that_gives_no_level_for_some_index(string source, string message)
    {
        var refused = Assert.Throws<ValidationException>(() => OverallFormula.Prove(Engine, Engine.Compile(source)));

        Assert.Contains(message, Assert.Single(refused.Errors["source"]));
    }

    [Fact]
    public void Proving_accepts_the_default_and_a_weighted_formula()
    {
        OverallFormula.Prove(Engine, Engine.Compile(OverallFormula.DefaultSource));
        OverallFormula.Prove(Engine, Engine.Compile("Math.Min(LowerMedian(\"levels\"), Input(\"J\") + 1)"));
    }
}
