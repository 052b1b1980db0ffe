using SocialValue.Contracts;
using SocialValue.Formulas;
using SocialValue.Frameworks;

namespace SocialValue.Grains.Tests.Contracts;

public sealed class LineInputsTests
{
    [Fact]
    public void A_line_giving_exactly_the_inputs_read_has_no_problem()
    {
        Assert.Empty(LineInputs.Problems(["hours", "rate"], new Dictionary<string, decimal> { ["rate"] = 1, ["hours"] = 2 }, "m", 1, "The line"));
        Assert.Empty(LineInputs.Problems([], null, "m", 1, "The line"));
    }

    [Fact]
    public void Missing_inputs_are_named_together_in_the_sentence_evaluation_gives()
    {
        var problem = Assert.Single(LineInputs.Problems(["a", "b", "c"], new Dictionary<string, decimal> { ["b"] = 1 }, "m", 3, "The commitment"));

        Assert.Equal("The commitment cannot be valued with formula version 3 of 'm': the formula needs the inputs 'a' and 'c', which were not supplied.", problem);
    }

    [Fact]
    public void Inputs_nobody_reads_are_refused_naming_those_read()
    {
        Assert.Equal(
            ["The line cannot be valued with formula version 2 of 'm': the formula needs the input 'hours', which was not supplied.",
             "Formula version 2 of 'm' reads no inputs 'hourz' and 'ours'; it reads 'hours' and 'rate'."],
            LineInputs.Problems(["hours", "rate"], new Dictionary<string, decimal> { ["rate"] = 1, ["ours"] = 1, ["hourz"] = 1 }, "m", 2, "The line"));
    }

    [Fact]
    public void A_commitment_on_a_share_gives_no_inputs_though_its_formula_reads_some()
    {
        var formula = new FormulaVersionDetails(1, "(Quantity - Input(\"previousYear\")) * Proxy(\"m1\")", "seed", DateTimeOffset.UnixEpoch, ["previousYear"]);
        var change = new MeasureDetails("m1", null, "Fewer admissions", "%", null, "t", "o", formula, Figure: "(Quantity - Input(\"previousYear\")) / Input(\"previousYear\") * 100");
        var count = change with { Figure = MeasureFigure.Quantity };

        Assert.Empty(LineInputs.OfCommitment(change, null));
        Assert.Equal(["The target on 'm1' is a figure in % that only the returns can value, so a commitment on it gives no inputs; the returns give them."],
            LineInputs.OfCommitment(change, new Dictionary<string, decimal> { ["previousYear"] = 3 }));
        Assert.Empty(LineInputs.OfCommitment(count, new Dictionary<string, decimal> { ["previousYear"] = 3 }));
    }

    [Fact]
    public void A_version_stored_without_its_inputs_reads_them_from_its_source_and_one_with_them_keeps_them()
    {
        var stored = new FormulaVersionDetails(1, "Input(\"b\") * Input(\"a\")", "admin", DateTimeOffset.UnixEpoch);
        var recorded = stored with { Inputs = ["kept"] };

        Assert.Equal(["b", "a"], stored.WithInputs().Inputs);
        Assert.Same(recorded, recorded.WithInputs());
    }
}
