using SocialValue.Contracts;
using SocialValue.Frameworks;

namespace SocialValue.Grains.Tests.Contracts;

/// <summary>Net present social value against a worked example computed by hand.</summary>
public sealed class SroiTests
{
    private static readonly SroiAdjustments AllFour = new(
        new SroiRate(0.20m, "Local labour market survey 2026"),
        new SroiRate(0.10m, "Job centre's share of placements"),
        new SroiRate(0.05m, "Jobs moved from neighbouring boroughs"),
        new SroiRate(0.25m, "Retention in work after a year"),
        BenefitYears: 3);

    [Fact]
    public void All_four_adjustments_with_three_years_of_drop_off_match_the_hand_computation_to_the_penny()
    {
        // Gross £10,000 delivered this year.
        // Year 1: 10,000 × (1 − 0.20) × (1 − 0.10) × (1 − 0.05) = 10,000 × 0.8 × 0.9 × 0.95 = £6,840.00, not discounted.
        // Year 2: 6,840 × (1 − 0.25) = 5,130.00, discounted once: 5,130 ÷ 1.035 = 4,956.5217…
        // Year 3: 5,130 × 0.75 = 3,847.50, discounted twice: 3,847.50 ÷ 1.035² = 3,847.50 ÷ 1.071225 = 3,591.6824…
        // Net present value: 6,840 + 4,956.5217 + 3,591.6824 = 15,388.2041… = £15,388.20.
        Assert.Equal(15_388.20m, Sroi.Net(10_000m, AllFour, Sroi.GreenBookRate));
    }

    [Fact]
    public void Without_adjustments_or_with_none_set_net_is_gross()
    {
        Assert.Equal(10_000m, Sroi.Net(10_000m, null, Sroi.GreenBookRate));
        Assert.Equal(10_000m, Sroi.Net(10_000m, new SroiAdjustments(null, null, null, null), Sroi.GreenBookRate));
    }

    [Fact]
    public void A_benefit_lasting_two_years_without_drop_off_is_discounted_in_its_second_year_only()
    {
        // 1,000 + 1,000 ÷ 1.035 = 1,000 + 966.1836 = £1,966.18.
        Assert.Equal(1_966.18m, Sroi.Net(1_000m, new SroiAdjustments(null, null, null, null, BenefitYears: 2), Sroi.GreenBookRate));
    }

    [Theory]
    [InlineData(-0.1, "a", 1, "deadweight.rate")]
    [InlineData(1.5, "a", 1, "deadweight.rate")]
    [InlineData(0.2, " ", 1, "deadweight.source")]
    [InlineData(0.2, "a", 0, "benefitYears")]
    [InlineData(0.2, "a", 51, "benefitYears")]
    public void Rates_are_fractions_with_a_source_and_the_benefit_lasts_one_to_fifty_years(double rate, string source, int years, string field)
    {
        var problems = new SroiAdjustments(new SroiRate((decimal)rate, source), null, null, null, years).Problems();

        Assert.Equal([field], problems.Keys);
    }
}
