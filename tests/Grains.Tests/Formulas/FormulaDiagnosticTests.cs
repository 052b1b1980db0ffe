using SocialValue.Formulas;

namespace SocialValue.Grains.Tests.Formulas;

public sealed class FormulaDiagnosticTests
{
    private readonly FormulaEngine _engine = new();

    [Fact]
    public void A_valid_formula_has_no_diagnostics()
    {
        Assert.Empty(_engine.Check("var share = Quantity / ContractValue;\nreturn share * 100;"));
    }

    [Fact]
    public void An_undefined_name_is_located_on_its_line_and_column_of_the_block()
    {
        var diagnostic = Assert.Single(_engine.Check("var share = Quantity;\nif (Missing > 0) { return 1; }\nreturn share;"));

        Assert.Equal((2, 5), (diagnostic.Line, diagnostic.Column));
        Assert.Contains("'Missing' does not exist", diagnostic.Message);
    }

    [Fact]
    public void An_undefined_name_in_an_expression_is_located_on_line_one()
    {
        var diagnostic = Assert.Single(_engine.Check("Quantity * Bogus"));

        Assert.Equal((1, 12), (diagnostic.Line, diagnostic.Column));
    }

    [Fact]
    public void Tabs_count_as_one_column_and_crlf_ends_a_line()
    {
        var diagnostic = Assert.Single(_engine.Check("var a = 1;\r\n\treturn a + Nope;"));

        Assert.Equal((2, 13), (diagnostic.Line, diagnostic.Column));
    }

    [Fact]
    public void A_syntax_error_is_located_where_the_parser_stops()
    {
        var diagnostic = Assert.Single(_engine.Check("var a = Quantity;\nreturn a *;"));

        Assert.Equal((2, 11), (diagnostic.Line, diagnostic.Column));
    }

    [Fact]
    public void A_loop_is_rejected_at_its_keyword_with_a_human_message()
    {
        var diagnostic = Assert.Single(_engine.Check("var x = 0m;\n  while (true)\n  {\n  }\nreturn x;"));

        Assert.Equal(new FormulaDiagnostic(2, 3, "loops are not allowed in a formula"), diagnostic);
    }

    [Fact]
    public void A_type_outside_the_allow_list_is_named_where_it_is_used()
    {
        var diagnostic = Assert.Single(_engine.Check("return System.IO.File.ReadAllText(\"x\").Length;"));

        Assert.Equal(new FormulaDiagnostic(1, 18, "'System.IO.File' is not available in a formula"), diagnostic);
    }

    [Fact]
    public void A_block_that_may_not_return_is_reported_at_its_end()
    {
        var diagnostic = Assert.Single(_engine.Check("if (Quantity > 0)\n{\n    return 1;\n}"));

        Assert.Equal(new FormulaDiagnostic(4, 2, "not every path through the formula returns a value"), diagnostic);
    }

    [Fact]
    public void A_real_literal_too_large_for_decimal_is_reported_at_the_literal()
    {
        var diagnostic = Assert.Single(_engine.Check("Quantity * 1e300"));

        Assert.Equal((1, 12), (diagnostic.Line, diagnostic.Column));
        Assert.Contains("outside the range of decimal", diagnostic.Message);
    }

    [Fact]
    public void Brackets_nested_too_deep_are_rejected_at_the_first_bracket_too_many_before_parsing()
    {
        var source = new string('(', 40) + "1" + new string(')', 40);

        var diagnostic = Assert.Single(_engine.Check(source));

        Assert.Equal(new FormulaDiagnostic(1, 33, "brackets are nested more than 32 deep"), diagnostic);
    }

    [Fact]
    public void Every_problem_is_reported_in_source_order()
    {
        var diagnostics = _engine.Check("var f = (decimal x) => x;\nfor (;;) { }\nreturn 1;");

        Assert.Equal([(1, 9), (2, 1)], diagnostics.Select(d => (d.Line, d.Column)));
    }

    [Fact]
    public void Compiling_a_rejected_formula_throws_with_the_same_diagnostics()
    {
        const string source = "while (true) { }";

        var error = Assert.Throws<FormulaRejectedException>(() => _engine.Compile(source));

        Assert.Equal(_engine.Check(source), error.Diagnostics);
    }
}
