using SocialValue.Maturity;

namespace SocialValue.Grains.Tests.ReferenceData;

public sealed class MaturityModelTests
{
    [Fact]
    public void Ten_dimensions_are_coded_A_to_J_with_the_seed_names()
    {
        string[] expected =
        [
            "A Policy & Scope",
            "B Internal Management",
            "C Measurement: Themes, Outcomes and Measures",
            "D Commissioning",
            "E Procurement",
            "F Market Engagement and Partnerships",
            "G Contract Management",
            "H Cross Sector Collaboration",
            "I Reporting",
            "J Governance and Accountability",
        ];

        Assert.Equal(expected, MaturityModel.Dimensions.Select(d => $"{d.Code} {d.Name}"));
    }

    [Fact]
    public void Levels_run_from_incomplete_to_innovator_with_the_seed_labels()
    {
        Assert.Equal(
            [
                (MaturityLevel.Incomplete, "Incomplete/Non Compliant"),
                (MaturityLevel.Follower, "Follower"),
                (MaturityLevel.Mature, "Mature"),
                (MaturityLevel.Leader, "Leader"),
                (MaturityLevel.Innovator, "Innovator"),
            ],
            MaturityModel.Levels.Select(l => (l.Level, l.Label)));
        Assert.True(MaturityLevel.Incomplete < MaturityLevel.Follower && MaturityLevel.Leader < MaturityLevel.Innovator);
    }

    [Theory]
    // One action per sentence of a seed cell; the seed only fills the levels above Walsall's present level.
    [InlineData("A", 0, 0, 1, 1)]
    [InlineData("B", 0, 0, 1, 1)]
    [InlineData("C", 0, 2, 1, 2)]
    [InlineData("D", 0, 2, 4, 2)]
    [InlineData("E", 0, 0, 0, 0)]
    [InlineData("F", 0, 1, 3, 2)]
    [InlineData("G", 0, 1, 1, 0)]
    [InlineData("H", 1, 1, 0, 2)]
    [InlineData("I", 0, 2, 0, 1)]
    [InlineData("J", 0, 1, 1, 0)]
    public void Each_cell_holds_the_number_of_actions_read_from_the_seed(string code, int follower, int mature, int leader, int innovator)
    {
        Assert.Equal(
            [follower, mature, leader, innovator],
            new[] { MaturityLevel.Follower, MaturityLevel.Mature, MaturityLevel.Leader, MaturityLevel.Innovator }
                .Select(level => MaturityModel.ActionsFor(code, level).Count));
        Assert.Empty(MaturityModel.ActionsFor(code, MaturityLevel.Incomplete));
    }

    [Fact]
    public void The_catalogue_holds_34_actions_1_10_12_11_by_level()
    {
        var byLevel = MaturityModel.Actions.GroupBy(a => a.Level).ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(34, MaturityModel.Actions.Count);
        Assert.Equal(1, byLevel[MaturityLevel.Follower]);
        Assert.Equal(10, byLevel[MaturityLevel.Mature]);
        Assert.Equal(12, byLevel[MaturityLevel.Leader]);
        Assert.Equal(11, byLevel[MaturityLevel.Innovator]);
    }

    [Theory]
    [InlineData("a-leader-1", "A", MaturityLevel.Leader, "Develop a strategy to tailor the required Social Value contribution to the size and scope of the contract.")]
    [InlineData("c-mature-2", "C", MaturityLevel.Mature, "Include a requirement in your policy to ensure that your approved TOMs are available to suppliers through your website.")]
    [InlineData("d-leader-4", "D", MaturityLevel.Leader, "Introduce a process to incorporate feedback/lessons learnt within departments.")]
    [InlineData("f-innovator-1", "F", MaturityLevel.Innovator, "Begin a programme to promote B2B and B2Three relationships for large suppliers and long term frameworks.")]
    [InlineData("h-follower-1", "H", MaturityLevel.Follower, "Implement a system for sharing data on an ad hoc basis for joint procurement/commissioning initiatives.")]
    [InlineData("j-leader-1", "J", MaturityLevel.Leader, "Embed Social Value into commissioning and procurement, with a ratified policy and published toolkit.")]
    public void Actions_keep_the_seed_text_verbatim(string id, string code, MaturityLevel level, string text)
    {
        var action = Assert.Single(MaturityModel.Actions, a => a.Id == id);

        Assert.Equal((code, level, text), (action.DimensionCode, action.Level, action.Text));
    }

    [Fact]
    public void Text_run_onto_the_procurement_row_completes_the_commissioning_innovator_action()
    {
        var action = Assert.Single(MaturityModel.Actions, a => a.Id == "d-innovator-2");

        Assert.Equal("Set up a space to share your Social Value Themes, Outcomes and Measures across departments.", action.Text);
        Assert.NotNull(action.Note);
        Assert.DoesNotContain(MaturityModel.Actions, a => a.DimensionCode == "E");
    }

    [Fact]
    public void The_truncated_governance_cell_is_kept_as_printed_with_a_note()
    {
        var action = Assert.Single(MaturityModel.ActionsFor("J", MaturityLevel.Mature));

        Assert.Equal("Value Act is addressed in the Corporate", action.Text);
        Assert.NotNull(action.Note);
    }

    [Fact]
    public void Action_ids_are_unique_and_name_their_dimension_level_and_position()
    {
        Assert.Equal(MaturityModel.Actions.Count, MaturityModel.Actions.Select(a => a.Id).Distinct().Count());
        Assert.All(MaturityModel.Actions, a => Assert.StartsWith($"{a.DimensionCode.ToLowerInvariant()}-{a.Level.ToString().ToLowerInvariant()}-", a.Id));
        Assert.Equal(["d-leader-1", "d-leader-2", "d-leader-3", "d-leader-4"], MaturityModel.ActionsFor("D", MaturityLevel.Leader).Select(a => a.Id));
    }

    [Fact]
    public void Unknown_dimension_code_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => MaturityModel.ActionsFor("K", MaturityLevel.Leader));
        Assert.Throws<ArgumentException>(() => MaturityModel.ActionsFor("a", MaturityLevel.Leader));
    }

    [Fact]
    public void Walsall_assessment_gives_the_seed_present_and_target_levels()
    {
        var walsall = MaturityModel.WalsallAssessment;

        Assert.Equal("Walsall Council", walsall.Organisation);
        Assert.Equal((MaturityLevel.Follower, MaturityLevel.Mature), (walsall.OverallPresent, walsall.OverallTarget));
        Assert.Equal(
            [
                ("A", MaturityLevel.Mature, MaturityLevel.Leader),
                ("B", MaturityLevel.Mature, MaturityLevel.Leader),
                ("C", MaturityLevel.Follower, MaturityLevel.Mature),
                ("D", MaturityLevel.Follower, MaturityLevel.Leader),
                ("E", MaturityLevel.Mature, MaturityLevel.Leader),
                ("F", MaturityLevel.Follower, MaturityLevel.Mature),
                ("G", MaturityLevel.Follower, MaturityLevel.Mature),
                ("H", MaturityLevel.Incomplete, MaturityLevel.Mature),
                ("I", MaturityLevel.Follower, MaturityLevel.Mature),
                ("J", MaturityLevel.Follower, MaturityLevel.Leader),
            ],
            walsall.Dimensions.Select(d => (d.Code, d.Present, d.Target)));
    }

    [Fact]
    public void No_action_of_the_seed_lies_at_or_below_Walsall_present_level()
    {
        var present = MaturityModel.WalsallAssessment.Dimensions.ToDictionary(d => d.Code, d => d.Present);

        Assert.All(MaturityModel.Actions, a => Assert.True(a.Level > present[a.DimensionCode], a.Id));
    }

    [Fact]
    public void Walsall_plan_between_present_and_target_holds_18_actions()
    {
        // A1 B1 C2 D6 E0 F1 G1 H2 I2 J2
        var plan = MaturityModel.WalsallAssessment.Dimensions
            .SelectMany(d => MaturityModel.Actions.Where(a => a.DimensionCode == d.Code && a.Level > d.Present && a.Level <= d.Target));

        Assert.Equal(18, plan.Count());
    }

    [Fact]
    public void Catalogue_with_a_misnumbered_action_is_rejected()
    {
        var json = ModelJson("""{ "Follower": [], "Mature": [], "Leader": [{ "id": "a-leader-2", "text": "Do it." }], "Innovator": [] }""");

        Assert.Throws<InvalidDataException>(() => MaturityModel.ParseCatalogue(json));
    }

    [Fact]
    public void Catalogue_with_a_missing_level_cell_is_rejected()
    {
        var json = ModelJson("""{ "Follower": [], "Mature": [], "Leader": [] }""");

        Assert.Throws<InvalidDataException>(() => MaturityModel.ParseCatalogue(json));
    }

    [Fact]
    public void Catalogue_written_like_the_embedded_one_is_accepted()
    {
        var json = ModelJson("""{ "Follower": [], "Mature": [], "Leader": [{ "id": "a-leader-1", "text": "Do it." }], "Innovator": [] }""");

        Assert.Equal("a-leader-1", Assert.Single(MaturityModel.ParseCatalogue(json).Actions).Id);
    }

    private static string ModelJson(string firstDimensionCells)
    {
        var emptyCells = """{ "Follower": [], "Mature": [], "Leader": [], "Innovator": [] }""";
        var dimensions = "ABCDEFGHIJ".Select((code, i) =>
            $$"""{ "code": "{{code}}", "name": "Dimension {{code}}", "toReach": {{(i == 0 ? firstDimensionCells : emptyCells)}} }""");
        return $$"""
            {
              "notes": [],
              "levels": [
                { "level": "Incomplete", "label": "Incomplete/Non Compliant" },
                { "level": "Follower", "label": "Follower" },
                { "level": "Mature", "label": "Mature" },
                { "level": "Leader", "label": "Leader" },
                { "level": "Innovator", "label": "Innovator" }
              ],
              "dimensions": [{{string.Join(",", dimensions)}}]
            }
            """;
    }
}
