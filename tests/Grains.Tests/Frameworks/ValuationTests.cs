using SocialValue.Formulas;
using SocialValue.Frameworks;
using SocialValue.Grains.Tests.Cluster;

namespace SocialValue.Grains.Tests.Frameworks;

/// <summary>
/// Money is never invented: a count is valued only through a proxy value in force for its period, a reduction reads
/// as a positive figure, and an administrator's own formula is an explicit valuation that stands.
/// </summary>
[Collection(GrainClusterCollection.Name)]
public sealed class ValuationTests(GrainCluster cluster)
{
    private static readonly DateOnly Before = new(2026, 10, 1);
    private static readonly DateOnly From = new(2027, 1, 1);

    private static EvaluationRequest Reported(decimal quantity, DateOnly at, IReadOnlyDictionary<string, decimal>? inputs = null) =>
        new(quantity, quantity, 1_000_000m, inputs ?? new Dictionary<string, decimal>(), null, at);

    [Fact]
    public async Task A_count_on_a_shipped_framework_without_a_proxy_value_is_units_and_no_pounds()
    {
        // Walsall's "Create X Number of traineeships": 8 traineeships are 8 traineeships, not £8.
        var valuation = await cluster.Grains.GetGrain<IFrameworkGrain>("walsall").ValueAsync("economic-growth-m4", Reported(8, Before));

        Assert.Equal(8m, valuation.Units);
        Assert.Null(valuation.Gbp);
        Assert.Contains("'economic-growth-m4'", valuation.UnvaluedReason);
    }

    [Fact]
    public async Task A_proxy_value_set_on_a_shipped_framework_values_periods_from_its_date_only()
    {
        var knowsley = cluster.Grains.GetGrain<IFrameworkGrain>("knowsley");

        await knowsley.SetProxyValueAsync("m5", 2_500m, From, "admin");

        var earlier = await knowsley.ValueAsync("m5", Reported(4, Before));
        var later = await knowsley.ValueAsync("m5", Reported(4, From));
        Assert.Null(earlier.Gbp);
        Assert.Equal(10_000m, later.Gbp);
        Assert.Equal(4m, later.Units);
        var framework = await knowsley.GetAsync();
        Assert.True(framework.ReadOnly);
        Assert.Equal(29, framework.Themes.SelectMany(t => t.Outcomes).SelectMany(o => o.Measures).Count());
    }

    [Fact]
    public async Task A_ten_percent_reduction_delivered_reads_plus_ten()
    {
        // Walsall's "Reduce carbon emissions by X% per year": 90 this year against 100 the year before.
        var valuation = await cluster.Grains.GetGrain<IFrameworkGrain>("walsall").ValueAsync(
            "communities-m2", Reported(90, Before, new Dictionary<string, decimal> { ["previousYear"] = 100 }));

        Assert.Equal(10m, valuation.Units);
        Assert.Null(valuation.Gbp);
    }

    [Fact]
    public async Task A_reduction_on_the_previous_year_reads_positive_and_is_valued_per_unit_reduced()
    {
        var copy = cluster.Grains.GetGrain<IFrameworkGrain>("knowsley-valued");
        await copy.CreateAsync(new NewFramework("Knowsley, valued", "knowsley", "admin"));
        await copy.SetProxyValueAsync("m11", 1_800m, Before, "admin");

        // "Reduction in avoidable hospital admissions": 120 admissions against 150 the year before.
        var valuation = await copy.ValueAsync("m11", Reported(120, Before, new Dictionary<string, decimal> { ["previousYear"] = 150 }));

        Assert.Equal(30m, valuation.Units);
        Assert.Equal(54_000m, valuation.Gbp);
    }

    [Fact]
    public async Task An_administrators_own_formula_is_an_explicit_valuation()
    {
        var copy = cluster.Grains.GetGrain<IFrameworkGrain>("walsall-explicit");
        await copy.CreateAsync(new NewFramework("Walsall, explicit", "walsall", "admin"));
        await copy.PublishFormulaAsync("economic-growth-m2", "Quantity * 1000", "admin");

        var valuation = await copy.ValueAsync("economic-growth-m2", Reported(8, Before));

        Assert.Equal(8m, valuation.Units);
        Assert.Equal(8_000m, valuation.Gbp);
        Assert.Null(valuation.UnvaluedReason);
    }

    [Fact]
    public async Task A_figure_that_cannot_be_worked_out_is_an_evaluation_error_not_an_unvalued_line()
    {
        var refused = await Assert.ThrowsAsync<FormulaEvaluationException>(() =>
            cluster.Grains.GetGrain<IFrameworkGrain>("walsall").ValueAsync("communities-m2", Reported(90, Before)));

        Assert.Contains("previousYear", refused.Message);
    }

    [Fact]
    public async Task Reading_notes_come_with_the_items_they_qualify()
    {
        var thurrock = await cluster.Grains.GetGrain<IFrameworkGrain>("thurrock").GetAsync();

        Assert.All(thurrock.Themes, t => Assert.Contains("examples only for consultation", t.Note));
        var measures = thurrock.Themes.SelectMany(t => t.Outcomes).SelectMany(o => o.Measures).ToList();
        Assert.Contains(measures, m => m.Note?.Contains("national average") == true);
    }
}
