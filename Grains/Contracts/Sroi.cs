using SocialValue.Frameworks;

namespace SocialValue.Contracts;

/// <summary>
/// Net present social value from gross £, by the SROI guide's method: deadweight, attribution and displacement taken off
/// the first year's value; each later year of the benefit period falls by the drop-off rate and is discounted at the
/// discount rate (HM Treasury Green Book, 3.5%). The first year is the year the value was delivered, so it is not
/// discounted: with no adjustments and a one-year benefit, net equals gross.
/// </summary>
public static class Sroi
{
    /// <summary>The Green Book's social time preference rate for the first 30 years.</summary>
    public const decimal GreenBookRate = 0.035m;

    /// <summary>Net present value of <paramref name="gross"/> £ under <paramref name="adjustments"/>, to the penny.</summary>
    public static decimal Net(decimal gross, SroiAdjustments? adjustments, decimal discountRate)
    {
        if (adjustments is null)
        {
            return gross;
        }
        var firstYear = gross * Kept(adjustments.Deadweight) * Kept(adjustments.Attribution) * Kept(adjustments.Displacement);
        var total = 0m;
        var value = firstYear;
        var discount = 1m;
        for (var year = 1; year <= adjustments.BenefitYears; year++)
        {
            total += value / discount;
            value *= Kept(adjustments.DropOff);
            discount *= 1 + discountRate;
        }
        return Math.Round(total, 2, MidpointRounding.AwayFromZero);
    }

    private static decimal Kept(SroiRate? rate) => 1 - (rate?.Rate ?? 0);
}
