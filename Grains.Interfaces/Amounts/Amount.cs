namespace SocialValue.Amounts;

/// <summary>
/// API.md "Money": a value outside what the service can hold is refused when it arrives, never an overflow later.
/// Every amount, quantity, target, proxy value and formula input is at most 10^15 in size, and so is every value a
/// formula gives a return line or a term: far beyond any contract, and far enough within <see cref="decimal"/>
/// (about 7.9 × 10^28) that summing billions of them, or multiplying one by a proxy value, cannot overflow a read.
/// </summary>
public static class Amount
{
    public const decimal Max = 1_000_000_000_000_000m;

    /// <summary>How the limit reads in a message.</summary>
    public const string MaxText = "10^15";

    public static bool IsHoldable(decimal value) => value is >= -Max and <= Max;
}
