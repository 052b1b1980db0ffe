using SocialValue.Formulas;

namespace SocialValue.Grains.Tests.Formulas;

public sealed class FormulaEvaluationTests
{
    private static readonly IReadOnlyDictionary<string, decimal> NoInputs = new Dictionary<string, decimal>();

    private readonly FormulaEngine _engine = new();

    [Fact]
    public void A_count_is_the_quantity_reported()
    {
        Assert.Equal(42m, Evaluate("Quantity", new FormulaInputs(42m, 0m, 0m, NoInputs)));
    }

    [Fact]
    public void A_pound_amount_is_the_quantity_times_the_proxy_value_in_force()
    {
        var value = Evaluate("Quantity * Proxy(\"NT1\")", new FormulaInputs(12m, 0m, 0m, NoInputs), code => code == "NT1" ? 3.5m : null);

        Assert.Equal(42m, value);
    }

    [Fact]
    public void A_percentage_of_a_total_divides_by_the_named_input()
    {
        var inputs = new FormulaInputs(25_000m, 0m, 0m, new Dictionary<string, decimal> { ["totalSpend"] = 200_000m });

        Assert.Equal(12.5m, Evaluate("Quantity / Input(\"totalSpend\") * 100", inputs));
    }

    [Fact]
    public void A_ratio_against_a_30_percent_target_uses_the_real_literal_as_a_decimal()
    {
        var inputs = new FormulaInputs(120_000m, 0m, 1_000_000m, NoInputs);

        Assert.Equal(40m, Evaluate("Quantity / (ContractValue * 0.3) * 100", inputs));
    }

    [Fact]
    public void A_year_on_year_change_is_a_percentage_of_the_previous_year()
    {
        var inputs = new FormulaInputs(110m, 0m, 0m, new Dictionary<string, decimal> { ["previousYear"] = 100m });

        Assert.Equal(10m, Evaluate("(Quantity - Input(\"previousYear\")) / Input(\"previousYear\") * 100", inputs));
    }

    [Theory]
    [InlineData("15", "50")]
    [InlineData("45", "100")]
    public void A_block_with_locals_if_and_return_scores_the_share_against_the_target(string quantity, string expected)
    {
        const string source = """
            var share = Quantity / ContractValue;
            if (share >= Target)
            {
                return 100;
            }
            return share / Target * 100;
            """;

        var value = Evaluate(source, new FormulaInputs(decimal.Parse(quantity), 0.3m, 100m, NoInputs));

        Assert.Equal(decimal.Parse(expected), value);
    }

    [Fact]
    public void The_overall_maturity_level_is_the_lower_median_of_ten_levels()
    {
        var inputs = Lists("levels", 2, 1, 0, 1, 3, 1, 2, 1, 0, 2);

        Assert.Equal(1m, Evaluate("LowerMedian(\"levels\")", inputs));
    }

    [Theory]
    [InlineData("Sum", 10)]
    [InlineData("Min", 1)]
    [InlineData("Max", 4)]
    [InlineData("Mean", 2.5)]
    [InlineData("Count", 4)]
    [InlineData("LowerMedian", 2)]
    public void Aggregates_over_a_named_list_keep_formulas_free_of_loops(string aggregate, double expected)
    {
        Assert.Equal((decimal)expected, Evaluate($"{aggregate}(\"values\")", Lists("values", 3, 1, 4, 2)));
    }

    [Fact]
    public void Math_rounds_decimals_including_away_from_zero()
    {
        var inputs = new FormulaInputs(10m, 2.5m, 0m, NoInputs);

        Assert.Equal(3.33m, Evaluate("Math.Round(Quantity / 3, 2)", inputs));
        Assert.Equal(3m, Evaluate("Math.Round(Target, 0, MidpointRounding.AwayFromZero)", inputs));
        Assert.Equal(2m, Evaluate("Math.Round(Target)", inputs));
    }

    [Fact]
    public void Unsuffixed_real_literals_are_exact_decimals()
    {
        Assert.Equal(0.3m, Evaluate("0.1 + 0.2", new FormulaInputs(0m, 0m, 0m, NoInputs)));
    }

    [Fact]
    public void Doubles_need_their_suffix_and_an_explicit_cast_back_to_decimal()
    {
        var inputs = new FormulaInputs(16m, 0m, 0m, NoInputs);

        Assert.Equal(4m, Evaluate("(decimal)Math.Sqrt((double)Quantity)", inputs));
        Assert.NotEmpty(_engine.Check("Quantity * 0.3d"));
    }

    [Fact]
    public void Concurrent_evaluations_do_not_share_their_inputs()
    {
        var formula = _engine.Compile("Quantity * 2");

        Parallel.For(0, 2_000, i =>
            Assert.Equal(i * 2m, _engine.Evaluate(formula, new FormulaInputs(i, 0m, 0m, NoInputs))));
    }

    [Fact]
    public void Division_by_zero_is_an_evaluation_error_with_a_clear_message()
    {
        var inputs = new FormulaInputs(10m, 0m, 0m, new Dictionary<string, decimal> { ["totalSpend"] = 0m });

        var error = Assert.Throws<FormulaEvaluationException>(() => Evaluate("Quantity / Input(\"totalSpend\") * 100", inputs));

        Assert.Equal("the formula divides by zero", error.Message);
    }

    [Theory]
    [InlineData("Quantity * Quantity", "100000000000000000000")]
    [InlineData("(int)Quantity * (int)Quantity", "100000")]
    [InlineData("(decimal)(Math.Log((double)Quantity - 100000))", "100000")]
    public void Overflow_is_an_evaluation_error_because_arithmetic_is_checked(string source, string quantity)
    {
        var error = Assert.Throws<FormulaEvaluationException>(() =>
            Evaluate(source, new FormulaInputs(decimal.Parse(quantity), 0m, 0m, NoInputs)));

        Assert.Equal("the formula overflows: a value is too large or too small for its type", error.Message);
    }

    [Fact]
    public void An_input_that_is_not_supplied_is_named_in_the_error()
    {
        var error = Assert.Throws<FormulaEvaluationException>(() =>
            Evaluate("Quantity / Input(\"totalSpend\")", new FormulaInputs(1m, 0m, 0m, NoInputs)));

        Assert.Equal("the formula needs the input 'totalSpend', which was not supplied", error.Message);
    }

    [Fact]
    public void A_proxy_code_without_a_value_is_named_in_the_error()
    {
        var error = Assert.Throws<FormulaEvaluationException>(() =>
            Evaluate("Quantity * Proxy(\"NT99\")", new FormulaInputs(1m, 0m, 0m, NoInputs), code => code == "NT1" ? 1m : null));

        Assert.Equal("the formula needs the proxy value 'NT99', which is not set for this framework and period", error.Message);
    }

    [Fact]
    public void A_missing_or_empty_list_is_an_evaluation_error()
    {
        var missing = Assert.Throws<FormulaEvaluationException>(() => Evaluate("Sum(\"levels\")", new FormulaInputs(1m, 0m, 0m, NoInputs)));
        var empty = Assert.Throws<FormulaEvaluationException>(() => Evaluate("LowerMedian(\"levels\")", Lists("levels")));

        Assert.Equal("the formula needs the list 'levels', which was not supplied", missing.Message);
        Assert.Contains("'levels' is empty", empty.Message);
    }

    [Fact]
    public void A_Math_argument_out_of_range_is_an_evaluation_error()
    {
        var error = Assert.Throws<FormulaEvaluationException>(() =>
            Evaluate("Math.Round(Quantity, (int)Target)", new FormulaInputs(1m, 40m, 0m, NoInputs)));

        Assert.StartsWith("a Math function was given a value it does not accept", error.Message);
    }

    private decimal Evaluate(string source, FormulaInputs inputs, Func<string, decimal?>? proxy = null) =>
        _engine.Evaluate(_engine.Compile(source), inputs, proxy);

    private static FormulaInputs Lists(string name, params decimal[] values) =>
        new(0m, 0m, 0m, NoInputs, new Dictionary<string, IReadOnlyList<decimal>> { [name] = values });
}
