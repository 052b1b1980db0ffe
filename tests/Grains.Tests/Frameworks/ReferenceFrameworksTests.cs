using System.Text.Json;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SocialValue.Formulas;
using SocialValue.Frameworks;

namespace SocialValue.Grains.Tests.Frameworks;

public sealed class ReferenceFrameworksTests
{
    private static readonly string[] FormulaNames = ["Quantity", "Target", "ContractValue", "Input", "Proxy", "Math"];

    private static readonly string[] Units =
        ["number", "FTE", "£", "%", "hours", "days", "weeks", "kg", "tCO2e", "miles", "people", "organisations", "households", "yes/no"];

    [Theory]
    // Seed 000: theme cells on lines 8, 14, 18, 23, 26, 33; two outcomes per theme but COVID 19 Recovery (line 31's
    // "Housing meets all people's needs ..." is Communities' second outcome); 27 measures on lines 8-36, where lines
    // 25 and 29 hold two each and line 19 none.
    [InlineData("walsall", 6, 11, 27)]
    // Seed 002 appendix c: Social (14 outcomes, 31 indicators over three pages), Economic (13, 31), Environmental
    // (6, 16), Social Innovation (3 with the file's last line, 3).
    [InlineData("cheshire-merseyside", 4, 36, 81)]
    // Seed 003 lines 14-19: outcomes 1-6, measures (1)-(29), no theme level.
    [InlineData("knowsley", 1, 6, 29)]
    // Seed 004 lines 70-76: CS1 (3 outcomes, 7 measures), CS2 (4, 10 with the two carried over the page break),
    // CS5 (2, 3), CS4 (1, 4), CS3 (3, 3).
    [InlineData("thurrock", 5, 13, 27)]
    public void Each_framework_loads_with_the_themes_outcomes_and_measures_its_seed_has(
        string id, int themes, int outcomes, int measures)
    {
        var framework = Framework(id);

        Assert.Equal(themes, framework.Themes.Count);
        Assert.Equal(outcomes, Outcomes(framework).Count());
        Assert.Equal(measures, Measures(framework).Count());
    }

    [Fact]
    public void The_four_frameworks_ship_in_the_seeds_order_and_an_unknown_id_finds_none()
    {
        Assert.Equal(["walsall", "cheshire-merseyside", "knowsley", "thurrock"], ReferenceFrameworks.All.Select(f => f.Id));
        Assert.Null(ReferenceFrameworks.Find("nowhere"));
    }

    [Fact]
    public void Knowsley_measures_keep_their_numbers_1_to_29_in_order()
    {
        var measures = Measures(Framework("knowsley")).ToList();

        Assert.Equal(Enumerable.Range(1, 29), measures.Select(m => m.Number!.Value));
        Assert.All(measures, m => Assert.Equal($"m{m.Number}", m.Id));
        Assert.Equal("Numbers of new volunteers", measures[12].Title);
    }

    [Fact]
    public void Thurrock_themes_keep_their_corporate_codes_CS1_to_CS5()
    {
        var themes = Framework("thurrock").Themes;

        Assert.Equal(["CS1", "CS2", "CS3", "CS4", "CS5"], themes.Select(t => t.Code!).Order());
        Assert.All(themes, t => Assert.Equal(t.Code!.ToLowerInvariant(), t.Id));
    }

    [Theory]
    [InlineData("walsall", "economic-growth-m2", "Create X Number of new jobs in the local economy")]
    [InlineData("walsall", "communities-m2", "Reduce carbon emissions by X% per year")]
    [InlineData("walsall", "communities-m6", "X£ of Local community grants")]
    [InlineData("walsall", "covid-19-recovery-m3", "Number of organisations and businesses supported to manage and recover from the impacts of COVID-19, including where new ways of working are needed to deliver services.")]
    [InlineData("cheshire-merseyside", "economic-m18", "Total amount (£) spent with VCSEs within your supply chain.")]
    [InlineData("cheshire-merseyside", "environmental-m12", "Support the development of services that promote care to be delivered more locally through the digitisation of services.")]
    [InlineData("cheshire-merseyside", "social-m31", "Meaningful work placements that pay Minimum or National Living Wage according to eligibility - 6 weeks or more (internships that are accessible to all young people under 24 yrs old).")]
    [InlineData("knowsley", "m22", "Level of private sector investment as part of their CSR.")]
    [InlineData("knowsley", "m26", "Number of offenders who are engaged with mentors 6/12 weeks after release from custody")]
    [InlineData("thurrock", "cs2-m9", "Support the local economy by spending x% of total expenditure in the local supply chain (i.e. within Thurrock)")]
    [InlineData("thurrock", "cs4-m2", "Support x number of service users to engage in volunteering?")]
    public void Measure_titles_are_the_seeds_own_wording(string framework, string id, string title) =>
        Assert.Equal(title, Measure(framework, id).Title);

    [Theory]
    [InlineData("walsall", "communities-o2", "Housing meets all people's needs, is affordable, safe and warm")]
    [InlineData("walsall", "internal-focus-o2", "Services are efficient and deliver value for money")]
    [InlineData("cheshire-merseyside", "economic-o6", "People are supported to maximise their capabilities.")]
    [InlineData("cheshire-merseyside", "environmental-o4", "\"Care Miles\" are reduced.")]
    [InlineData("cheshire-merseyside", "social-innovation-o3", "Engagement in test beds or pilots is encouraged.")]
    [InlineData("knowsley", "o6", "Residents making socially responsible decisions")]
    [InlineData("thurrock", "cs4-o1", "Enabling and supporting individuals and communities to help themselves and one another")]
    public void Outcome_names_are_the_seeds_own_wording(string framework, string id, string name) =>
        Assert.Equal(name, Outcomes(Framework(framework)).Single(o => o.Id == id).Name);

    [Fact]
    public void Theme_names_are_the_seeds_own_wording()
    {
        Assert.Equal(
            ["Economic Growth", "People", "Internal Focus", "Children", "Communities", "COVID 19 Recovery"],
            Framework("walsall").Themes.Select(t => t.Name));
        Assert.Equal(
            ["Social", "Economic", "Environmental", "Social Innovation"],
            Framework("cheshire-merseyside").Themes.Select(t => t.Name));
        Assert.Equal("Compassion: Improve health and well-being", Framework("thurrock").Themes.Single(t => t.Code == "CS4").Name);
    }

    [Fact]
    public void Cheshire_and_Merseyside_outcomes_carry_the_Marmot_priority_their_wording_matches()
    {
        var outcomes = Outcomes(Framework("cheshire-merseyside")).ToDictionary(o => o.Id);

        Assert.Equal("Best Start in Life.", outcomes["social-o6"].MarmotPriority);
        Assert.Equal("Prevention of Ill Health.", outcomes["social-o2"].MarmotPriority);
        Assert.Equal("Ensure a Healthy standard of living.", outcomes["economic-o1"].MarmotPriority);
        Assert.Null(outcomes["environmental-o1"].MarmotPriority);
    }

    [Theory]
    [InlineData("economic-growth-m1", "Opportunities for entrepreneurship and help new, small organisations to grow, supporting economic growth and business creation")]
    [InlineData("people-m4", "Support prevention by running education and publicity campaigns with specific targets\nSupport initiatives that promote self help for vulnerable people")]
    [InlineData("communities-m6", "Provision of cashable grants that support Walsall's Corporate Plan priorities")]
    [InlineData("covid-19-recovery-m4", "Support the physical and mental health of people affected by COVID-19, including reducing the demand on health and care services")]
    public void Walsall_measures_carry_the_seeds_options_for_achieving(string id, string options) =>
        Assert.Equal(options, Measure("walsall", id).Options);

    [Fact]
    public void Only_Walsall_has_options_text_and_only_where_its_seed_fills_the_cell()
    {
        Assert.Equal(["communities-m2", "communities-m3"], Measures(Framework("walsall")).Where(m => m.Options is null).Select(m => m.Id));
        Assert.All(
            ReferenceFrameworks.All.Where(f => f.Id != "walsall").SelectMany(Measures),
            m => Assert.Null(m.Options));
    }

    [Fact]
    public void Every_id_is_a_slug_unique_within_its_framework()
    {
        foreach (var framework in ReferenceFrameworks.All)
        {
            var ids = framework.Themes.Select(t => t.Id)
                .Concat(Outcomes(framework).Select(o => o.Id))
                .Concat(Measures(framework).Select(m => m.Id))
                .ToList();

            Assert.All(ids, id => Assert.Matches("^[a-z0-9][a-z0-9-]{0,63}$", id));
            Assert.Equal(ids.Count, ids.Distinct().Count());
        }
    }

    [Fact]
    public void Every_measure_has_a_unit_and_a_formula_and_figure_over_the_formula_context()
    {
        var engine = new FormulaEngine();
        foreach (var measure in ReferenceFrameworks.All.SelectMany(Measures))
        {
            Assert.Contains(measure.Unit, Units);
            foreach (var source in new[] { measure.Formula, measure.Figure })
            {
                var expression = SyntaxFactory.ParseExpression(source);
                Assert.Empty(expression.GetDiagnostics());
                Assert.Equal(source.Length, expression.FullSpan.Length);
                Assert.All(
                    expression.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>(),
                    name => Assert.Contains(name.Identifier.Text, FormulaNames));
                Assert.Empty(engine.Check(source));
            }
            // A figure is in the measure's own unit: it never reads a proxy value (£ per unit).
            Assert.DoesNotContain("Proxy(", measure.Figure, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Figures_fit_the_kind_of_measure_and_count_success_positively()
    {
        Assert.Equal("Quantity / Input(\"totalRevenueSpend\") * 100", Measure("walsall", "economic-growth-m1").Figure);
        Assert.Equal(MeasureDirection.Reduce, Measure("thurrock", "cs5-m1").Direction);
        Assert.Equal("(Input(\"previousYear\") - Quantity) / Input(\"previousYear\") * 100", Measure("thurrock", "cs5-m1").Figure);
        Assert.Equal("Input(\"previousYear\") - Quantity", Measure("knowsley", "m11").Figure);
        Assert.Equal(MeasureDirection.Increase, Measure("knowsley", "m16").Direction);
        Assert.Equal("Quantity - Input(\"previousYear\")", Measure("knowsley", "m16").Figure);
        Assert.Equal(MeasureFigure.Quantity, Measure("cheshire-merseyside", "economic-m1").Figure);
        Assert.Equal("FTE", Measure("cheshire-merseyside", "economic-m1").Unit);
    }

    [Theory]
    [InlineData("walsall", "communities-m2")]
    [InlineData("thurrock", "cs5-m1")]
    [InlineData("thurrock", "cs1-m7")]
    [InlineData("thurrock", "cs2-m10")]
    [InlineData("knowsley", "m10")]
    [InlineData("knowsley", "m11")]
    [InlineData("knowsley", "m12")]
    [InlineData("cheshire-merseyside", "environmental-m3")]
    public void Measures_that_ask_for_less_are_the_reductions_the_seeds_name(string framework, string measure)
    {
        Assert.Equal(MeasureDirection.Reduce, Measure(framework, measure).Direction);
        Assert.Equal(8, ReferenceFrameworks.All.SelectMany(Measures).Count(m => m.Direction == MeasureDirection.Reduce));
    }

    [Fact]
    public void No_framework_carries_proxy_values()
    {
        Assert.DoesNotContain(typeof(FrameworkDefinition).GetProperties(), p => p.Name.Contains("Proxy", StringComparison.OrdinalIgnoreCase));

        var assembly = typeof(ReferenceFrameworks).Assembly;
        foreach (var framework in ReferenceFrameworks.All)
        {
            using var stream = assembly.GetManifestResourceStream($"SocialValue.Frameworks.Data.{framework.Id}.json")!;
            using var document = JsonDocument.Parse(stream);
            Assert.DoesNotContain(PropertyNames(document.RootElement), n => n.Contains("proxy", StringComparison.OrdinalIgnoreCase));
        }
    }

    [Fact]
    public void No_shipped_formula_turns_a_count_into_pounds()
    {
        var measures = ReferenceFrameworks.All.SelectMany(Measures).ToList();

        // Measures counted in £ are their own value; every other measure is valued only through a proxy value named
        // after it, which no framework ships, so it stays in units until an administrator sets one.
        Assert.All(measures.Where(m => m.Unit == "£"), m => Assert.Equal("Quantity", m.Formula));
        Assert.All(measures.Where(m => m.Unit != "£" && m.Formula != "Quantity"), m => Assert.Contains($"Proxy(\"{m.Id}\")", m.Formula));
        // The spend-share measures count spend in £ and report it as a share: the spend is valued as itself.
        Assert.Equal(["economic-growth-m1", "cs2-m2", "cs2-m3", "cs2-m9"],
            measures.Where(m => m.Unit != "£" && m.Formula == "Quantity").Select(m => m.Id));
        Assert.All(measures.Where(m => m.Unit != "£" && m.Formula == "Quantity"), m => Assert.Contains("Input(\"total", m.Figure));
    }

    [Fact]
    public void Loaded_frameworks_cannot_be_changed()
    {
        var framework = Framework("thurrock");

        Assert.True(((ICollection<ThemeDefinition>)framework.Themes).IsReadOnly);
        Assert.True(((ICollection<OutcomeDefinition>)framework.Themes[0].Outcomes).IsReadOnly);
        Assert.True(((ICollection<MeasureDefinition>)framework.Themes[0].Outcomes[0].Measures).IsReadOnly);
    }

    [Theory]
    [InlineData("""{"id":"x","name":"X","source":"s","themes":[{"id":"t","name":"T","outcomes":[{"id":"t","name":"O","measures":[]}]}]}""",
        "outcome 't': the id is used twice in the framework")]
    [InlineData("""{"id":"x","name":"X","source":"s","themes":[{"id":"Theme 1","name":"T","outcomes":[]}]}""",
        "theme 'Theme 1': the id is not a slug")]
    [InlineData("""{"id":"x","name":"X","source":"s","themes":[{"id":"t","name":"T","outcomes":[{"id":"o","name":"O","measures":[{"id":"m","title":" ","unit":"number","formula":"Quantity"}]}]}]}""",
        "measure 'm' needs a title")]
    [InlineData("""{"id":"x","name":"X","source":"s","themes":[{"id":"t","name":"T","outcomes":[{"id":"o","name":"O","measures":[{"id":"m","title":"M","unit":"number"}]}]}]}""",
        "'formula'")]
    [InlineData("""{"id":"x","name":"X","source":"s","themes":[],"proxyValues":{"a":1}}""",
        "'proxyValues'")]
    [InlineData("""{"id":"y","name":"X","source":"s","themes":[]}""",
        "framework 'y' must have the file's name as its id")]
    public void A_malformed_file_is_rejected_naming_the_file_and_the_item(string json, string problem)
    {
        var error = Assert.Throws<InvalidDataException>(() => ReferenceFrameworks.Parse("x.json", json));

        Assert.StartsWith("x.json: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    private static FrameworkDefinition Framework(string id) =>
        ReferenceFrameworks.Find(id) ?? throw new InvalidOperationException($"no framework '{id}'");

    private static IEnumerable<OutcomeDefinition> Outcomes(FrameworkDefinition framework) =>
        framework.Themes.SelectMany(t => t.Outcomes);

    private static IEnumerable<MeasureDefinition> Measures(FrameworkDefinition framework) =>
        Outcomes(framework).SelectMany(o => o.Measures);

    private static MeasureDefinition Measure(string framework, string id) =>
        Measures(Framework(framework)).Single(m => m.Id == id);

    private static IEnumerable<string> PropertyNames(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => PropertyNames(p.Value).Prepend(p.Name)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(PropertyNames),
        _ => [],
    };
}
