using SocialValue.Formulas;

namespace SocialValue.Grains.Tests.Formulas;

public sealed class FormulaInputNameTests
{
    private readonly FormulaEngine _engine = new();

    [Fact]
    public void The_names_given_to_Input_are_found_in_order_of_first_use()
    {
        Assert.Equal(["hours", "rate"], FormulaInputNames.Of("Input(\"hours\") * Input(\"rate\") + Quantity"));
    }

    [Fact]
    public void A_name_read_twice_is_listed_once()
    {
        Assert.Equal(["previousYear"], FormulaInputNames.Of("(Quantity - Input(\"previousYear\")) / Input(\"previousYear\") * 100"));
    }

    [Fact]
    public void A_formula_that_reads_no_input_has_none()
    {
        Assert.Empty(FormulaInputNames.Of("Quantity * Proxy(\"JOB\") + Sum(\"hours\")"));
    }

    [Fact]
    public void Names_are_found_in_blocks_brackets_named_arguments_and_escapes()
    {
        const string Source = "var a = Input((\"a\"));\nif (a > 0) { return Input(name: @\"b\"); }\nreturn Input(\"c\\u0021\") + Input(\"\"\"d\"\"\");";

        Assert.Empty(_engine.Check(Source));
        Assert.Equal(["a", "b", "c!", "d"], FormulaInputNames.Of(Source));
    }

    [Theory]
    [InlineData("var name = \"hours\";\nreturn Input(name);", 2, 14)]
    [InlineData("Input(default)", 1, 7)]
    [InlineData("Input(Quantity)", 1, 7)]
    [InlineData("Input(\"ho\" + \"urs\")", 1, 7)]
    [InlineData("Input(Quantity > 1 ? \"a\" : \"b\")", 1, 7)]
    public void A_name_that_is_not_written_in_quotes_is_refused_where_it_is_given(string source, int line, int column)
    {
        var rejected = Assert.Throws<FormulaRejectedException>(() => _engine.Compile(source));

        Assert.Contains(new FormulaDiagnostic(line, column, FormulaInputNames.NameNotQuoted), rejected.Diagnostics);
        Assert.Equal(rejected.Diagnostics, _engine.Check(source));
    }
}
