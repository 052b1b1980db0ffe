using System.Text.Json;
using SocialValue.KiteMark;

namespace SocialValue.Grains.Tests.ReferenceData;

public sealed class KiteMarkSchemeTests
{
    private static readonly KiteMarkSchemeDefinition Scheme = KiteMarkSchemes.CheshireAndMerseyside;

    private static IEnumerable<KiteMarkCriterionDefinition> AllCriteria => Scheme.Themes.SelectMany(t => t.Criteria);

    [Fact]
    public void Cheshire_and_Merseyside_has_the_four_themes_in_order()
    {
        Assert.Equal("cheshire-merseyside", Scheme.Id);
        Assert.Equal(
            [("social", "Social"), ("economic", "Economic"), ("environment", "Environment"), ("innovation", "Innovation")],
            Scheme.Themes.Select(t => (t.Id, t.Name)));
    }

    [Fact]
    public void Themes_hold_the_criteria_counted_in_the_seed()
    {
        // Social 9; Economic 6 jobs/employment + 8 inclusive growth; Environment 7 (printed once, the repeat dropped);
        // Innovation 3 (appendix c's Social Innovation outcomes, the third on the appendix's last line).
        Assert.Equal([9, 14, 7, 3], Scheme.Themes.Select(t => t.Criteria.Count));
    }

    [Fact]
    public void Economic_criteria_fall_into_its_two_parts_and_only_they_have_parts()
    {
        var economic = Scheme.Themes.Single(t => t.Id == "economic");

        Assert.Equal(6, economic.Criteria.Count(c => c.Part == "Jobs / Employment"));
        Assert.Equal(8, economic.Criteria.Count(c => c.Part == "Inclusive Growth across the 'Place'"));
        Assert.All(Scheme.Themes.Where(t => t.Id != "economic").SelectMany(t => t.Criteria), c => Assert.Null(c.Part));
    }

    [Fact]
    public void The_default_must_dos_are_the_three_named_mental_health_criteria_and_only_they()
    {
        var mustDos = Scheme.Themes.SelectMany(t => t.Criteria.Where(c => c.MustDo).Select(c => (Theme: t.Id, c.Text, c.MentalHealth)));

        Assert.Equal(
            [
                ("social", "Good mental health is promoted", true),
                ("economic", "More local people in employment", true),
                ("environment", "Better places to live", true),
            ],
            mustDos);
    }

    [Fact]
    public void Seven_criteria_carry_the_mental_health_flag_and_none_keeps_the_marker_in_its_text()
    {
        // Social 4, Economic 2, Environment 1, Innovation 0.
        Assert.Equal([4, 2, 1, 0], Scheme.Themes.Select(t => t.Criteria.Count(c => c.MentalHealth)));
        Assert.DoesNotContain(AllCriteria, c => c.Text.Contains("(MH)") || c.Text.Contains("**"));
    }

    [Theory]
    [InlineData("social-2", "Children, Young People, Adults and Older People are supported to maximise their capabilities have control over their lives")]
    [InlineData("social-8", "Awareness of adverse childhood experiences (ACEs) and the promotion of other childhood vulnerabilities")]
    [InlineData("economic-8", "Partnerships between Anchor Institutions (Developing anchor collaboratives and networks to support shared Social Impact, Social Innovation, Learning and Good Practice)")]
    [InlineData("environment-5", "'Car miles' are reduced")]
    [InlineData("innovation-2", "Non-clinical treatment is promoted.")]
    [InlineData("innovation-3", "Engagement in test beds or pilots is encouraged.")]
    public void Criteria_keep_the_seed_text_verbatim(string id, string text)
    {
        Assert.Equal(text, Assert.Single(AllCriteria, c => c.Id == id).Text);
    }

    [Fact]
    public void The_repeated_environment_list_is_not_taken_as_innovation()
    {
        var environmentTexts = Scheme.Themes.Single(t => t.Id == "environment").Criteria.Select(c => c.Text);

        Assert.DoesNotContain(Scheme.Themes.Single(t => t.Id == "innovation").Criteria, c => environmentTexts.Contains(c.Text));
        Assert.Contains("Innovation", Scheme.Note);
    }

    [Fact]
    public void The_third_innovation_criterion_says_where_the_seed_prints_it()
    {
        var third = Assert.Single(AllCriteria, c => c.Id == "innovation-3");

        Assert.Contains("last line", third.Note);
        Assert.All(AllCriteria.Where(c => c.Id != "innovation-3"), c => Assert.Null(c.Note));
    }

    [Fact]
    public void Criterion_ids_are_unique_and_numbered_within_their_theme()
    {
        Assert.Equal(33, AllCriteria.Select(c => c.Id).Distinct().Count());
        Assert.All(Scheme.Themes, t => Assert.Equal(
            Enumerable.Range(1, t.Criteria.Count).Select(i => $"{t.Id}-{i}"),
            t.Criteria.Select(c => c.Id)));
    }

    [Fact]
    public void An_award_is_valid_five_years()
    {
        Assert.Equal("P5Y", Scheme.Validity);
    }

    [Fact]
    public void The_shipped_scheme_passes_validation()
    {
        Assert.Empty(KiteMarkSchemes.Validate(Scheme));
    }

    [Theory]
    [InlineData("P5Y", true)]
    [InlineData("PT5S", true)]
    [InlineData("P1Y6M", true)]
    [InlineData("P0Y", false)]
    [InlineData("P", false)]
    [InlineData("PT", false)]
    [InlineData("5 years", false)]
    public void Validity_must_be_a_positive_ISO_8601_duration(string validity, bool valid)
    {
        Assert.Equal(valid, KiteMarkSchemes.Validate(Scheme with { Validity = validity }).Count == 0);
    }

    [Fact]
    public void A_scheme_with_a_duplicate_criterion_id_or_an_empty_theme_is_invalid()
    {
        var social = Scheme.Themes[0];
        var duplicate = Scheme with { Themes = [social, social with { Id = "social-again" }] };
        var empty = Scheme with { Themes = [social with { Criteria = [] }] };

        Assert.Contains(KiteMarkSchemes.Validate(duplicate), e => e.Contains("'social-1'"));
        Assert.Contains(KiteMarkSchemes.Validate(empty), e => e.Contains("'social'"));
    }

    [Fact]
    public void Parsing_rejects_a_criterion_without_its_mental_health_flag()
    {
        var json = """
            { "id": "x", "name": "X", "validity": "P1Y",
              "themes": [{ "id": "t", "name": "T", "criteria": [{ "id": "t-1", "text": "Text", "mustDo": false }] }] }
            """;

        Assert.Throws<JsonException>(() => KiteMarkSchemes.Parse(json));
    }
}
